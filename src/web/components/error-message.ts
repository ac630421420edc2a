import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../api.ts';

/** The server's sentence when it sent one (already in the user's language), else ours. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'network.offline') return t('errors.network');
    if (error.message) return error.message;
    return t(`errors.${error.code}`, { defaultValue: t('errors.generic') });
  }
  return t('errors.generic');
}

/** Field errors from a 400, in the shape antd's form.setFields takes. */
export function fieldErrors(error: unknown): Parameters<FormInstance['setFields']>[0] {
  if (!(error instanceof ApiError)) return [];
  const list = error.fields.map((f) => ({ name: f.field, errors: [f.message] }));
  if (error.field && !list.some((f) => f.name === error.field)) {
    list.push({ name: error.field, errors: [error.message] });
  }
  return list;
}
