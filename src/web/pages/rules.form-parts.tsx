/**
 * What both rule forms share: the period and legal basis fields, and the save that refreshes every
 * copy of the rules and reports the server's warnings.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, type FormInstance, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Confidence } from '../../domain/law/index.ts';
import { ApiError, api } from '../api.ts';
import { errorMessage, fieldErrors } from '../components/error-message.ts';
import { rules as formRules } from '../components/rules.ts';
import { DATE_FORMAT, formatDate, vietnamToday } from '../format.ts';
import type { RuleChangeResult } from '../types.ts';

export interface PeriodValues {
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  basis: string;
  confidence: Confidence;
}

export function periodBody(v: PeriodValues) {
  return {
    validFrom: v.validFrom.format('YYYY-MM-DD'),
    ...(v.validTo ? { validTo: v.validTo.format('YYYY-MM-DD') } : {}),
    basis: v.basis.trim(),
    confidence: v.confidence,
  };
}

export function PeriodFields({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const r = formRules(t);
  const today = vietnamToday();
  const from = Form.useWatch<Dayjs | undefined>('validFrom', form);
  return (
    <>
      <div className="form-row">
        <Form.Item
          name="validFrom"
          label={t('rules.validFrom')}
          extra={t('rules.validFromHint')}
          rules={[
            { required: true, message: t('form.choose') },
            {
              validator: (_, d?: Dayjs) =>
                !d || d.format('YYYY-MM-DD') >= today
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('rules.pastDate', { today: formatDate(today) }))),
            },
          ]}
        >
          <DatePicker
            className="full-width"
            format={DATE_FORMAT}
            disabledDate={(d) => d.format('YYYY-MM-DD') < today}
          />
        </Form.Item>
        <Form.Item name="validTo" label={t('rules.validTo')} extra={t('rules.validToHint')}>
          <DatePicker
            className="full-width"
            format={DATE_FORMAT}
            disabledDate={(d) => d.isBefore(from ?? dayjs(today), 'day')}
          />
        </Form.Item>
      </div>
      <Form.Item
        name="basis"
        label={t('rules.basis')}
        rules={[r.required(t('rules.basis')), r.min(3), r.max(500)]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder={t('rules.basisPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="confidence"
        label={t('rules.confidenceLabel')}
        rules={[{ required: true, message: t('form.choose') }]}
      >
        <Radio.Group
          options={(['H', 'M', 'L'] as const).map((c) => ({ value: c, label: t(`rules.confidence.${c}`) }))}
          className="rules-confidence"
        />
      </Form.Item>
    </>
  );
}

const FORM_FIELDS = [
  'key',
  'scope',
  'value',
  'validFrom',
  'validTo',
  'basis',
  'confidence',
  'provinceCode',
  'category',
];

/** POST a change; on success refresh the rules everywhere, show the new version and any warnings. */
export function useRuleChange<B extends { validFrom: string }>(
  path: string,
  form: FormInstance,
  onDone: () => void,
) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<RuleChangeResult>(path, body),
    onSuccess: (result, body) => {
      void queryClient.invalidateQueries({ queryKey: ['rules'] });
      void message.success(
        t('rules.saved', { from: formatDate(body.validFrom), version: result.ruleVersion }),
      );
      if (result.warnings.length > 0) {
        // Not a modal: the warnings inform, they do not ask anything.
        notification.warning({
          title: t('rules.warnings'),
          duration: 12,
          description: (
            <ul className="plain-bullets">
              {result.warnings.map((w) => (
                <li key={`${w.code}:${w.message}`}>{w.message}</li>
              ))}
            </ul>
          ),
        });
      }
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'rules.change_in_past') {
        form.setFields([{ name: 'validFrom', errors: [error.message] }]);
      } else {
        form.setFields(fieldErrors(error).filter((f) => FORM_FIELDS.includes(String(f.name))));
      }
      void message.error(errorMessage(error, t));
    },
  });
}
