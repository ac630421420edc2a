import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

// "Vui lòng nhập tên đăng nhập": the label's capital does not belong mid-sentence.
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** Form rules with Vietnamese (or English) messages, checked as the user types. */
export function rules(t: TFunction) {
  return {
    required: (field: string): FormRule => ({
      required: true,
      whitespace: true,
      message: t('form.required', { field: lowerFirst(field) }),
    }),
    max: (n: number): FormRule => ({ max: n, message: t('form.max', { n }) }),
    min: (n: number): FormRule => ({ min: n, message: t('form.min', { n }) }),
    phone: (): FormRule => ({ pattern: /^[0-9 +().-]{8,20}$/, message: t('form.phone') }),
    code: (): FormRule => ({ pattern: /^[A-Za-z0-9._-]{2,40}$/, message: t('form.code') }),
    username: (): FormRule => ({ pattern: /^[A-Za-z0-9._-]{3,50}$/, message: t('form.username') }),
  };
}
