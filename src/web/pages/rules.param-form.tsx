import { App, Form, InputNumber, Modal, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ruleKeyInfo } from '../../domain/law/index.ts';
import { normalizeSearch } from '../../domain/units/normalize.ts';
import { formatDate, formatNumber } from '../format.ts';
import { currentLang } from '../i18n.ts';
import type { RulesPayload } from '../types.ts';
import { PeriodFields, type PeriodValues, periodBody, useRuleChange } from './rules.form-parts.tsx';
import {
  formatRuleValue,
  fromApiValue,
  inForce,
  inputSuffix,
  scopeLabel,
  toApiValue,
} from './rules.format.ts';

interface Values extends PeriodValues {
  key: string;
  scope?: string;
  value: number;
}

interface Body {
  key: string;
  scope?: string;
  value: number;
  validFrom: string;
  validTo?: string;
  basis: string;
  confidence: string;
}

/** A new value for one parameter from a date on; the past is never rewritten (the server checks too). */
export function ParamForm({
  payload,
  initialKey,
  onClose,
}: {
  payload: RulesPayload;
  initialKey?: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const key = Form.useWatch('key', form);
  const scope = Form.useWatch('scope', form);
  const validFrom = Form.useWatch('validFrom', form);
  const info = key ? payload.keys[key] : undefined;
  const yearScope = Boolean(key && ruleKeyInfo(key)?.yearScope);
  const save = useRuleChange<Body>('/rules/parameters', form, onClose);

  const keyOptions = useMemo(
    () =>
      Object.entries(payload.keys).map(([k, v]) => ({
        value: k,
        label: `${v.label[lang]} (${k})`,
        search: normalizeSearch(`${v.label[lang]} ${v.label.vi} ${k}`),
      })),
    [payload.keys, lang],
  );
  const day = validFrom?.format('YYYY-MM-DD');
  const current =
    key && day
      ? payload.rows.find(
          (r) =>
            r.key === key &&
            (r.scope ?? '') === (scope === undefined || scope === null ? '' : String(scope)) &&
            inForce(r, day),
        )
      : undefined;
  const needsScope = Boolean(info?.scopes?.length) || yearScope;

  const onFinish = (v: Values) => {
    if (!info) return;
    const body: Body = {
      key: v.key,
      ...(v.scope ? { scope: String(v.scope) } : {}),
      value: toApiValue(v.value, info.unit),
      ...periodBody(v),
    };
    const label = `${info.label[lang]}${body.scope ? ` (${scopeLabel(body.key, body.scope, t)})` : ''}`;
    const values = {
      from: formatDate(body.validFrom),
      to: body.validTo ? formatDate(body.validTo) : '',
      label,
      value: formatRuleValue(body.value, info.unit, t),
      was: current ? t('rules.confirmWas', { value: formatRuleValue(current.value, info.unit, t) }) : '',
    };
    modal.confirm({
      title: t('rules.confirm'),
      content: (
        <>
          <p>{t(body.validTo ? 'rules.confirmParamUntil' : 'rules.confirmParam', values)}</p>
          <p>{t('rules.confirmEffect', { from: values.from })}</p>
        </>
      ),
      okText: t('rules.confirmOk'),
      cancelText: t('common.cancel'),
      onOk: () => save.mutate(body),
    });
  };

  return (
    <Modal
      open
      width={640}
      title={t('rules.setValueTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      <Form<Values>
        form={form}
        name="rule-param"
        layout="vertical"
        disabled={save.isPending}
        initialValues={{ key: initialKey }}
        onValuesChange={(changed) => {
          if ('key' in changed) form.setFieldsValue({ scope: undefined, value: undefined });
        }}
        onFinish={onFinish}
      >
        <Form.Item name="key" label={t('rules.key')} rules={[{ required: true, message: t('form.choose') }]}>
          <Select
            options={keyOptions}
            showSearch={{ filterOption: (input, o) => (o?.search ?? '').includes(normalizeSearch(input)) }}
          />
        </Form.Item>
        {needsScope && (
          <Form.Item
            name="scope"
            label={yearScope ? t('rules.scopeYear') : t('rules.scope')}
            rules={[{ required: true, message: t('form.choose') }]}
          >
            {yearScope ? (
              <InputNumber<number> className="full-width" min={1990} max={2100} precision={0} />
            ) : (
              <Select
                options={(info?.scopes ?? []).map((s) => ({ value: s, label: scopeLabel(key, s, t) }))}
              />
            )}
          </Form.Item>
        )}
        <Form.Item
          name="value"
          label={t('rules.value')}
          rules={[{ required: true, message: t('form.required', { field: t('rules.value').toLowerCase() }) }]}
          extra={
            info && day
              ? current
                ? t('rules.current', { value: formatRuleValue(current.value, info.unit, t) })
                : t('rules.currentNone')
              : undefined
          }
        >
          <InputNumber<number>
            className="full-width"
            min={0}
            precision={info?.unit === 'rate' ? 4 : info?.unit === 'decimal' ? 6 : 0}
            decimalSeparator=","
            suffix={info ? inputSuffix(info.unit, t) : undefined}
            placeholder={
              current && info ? String(fromApiValue(current.value, info.unit)).replace('.', ',') : undefined
            }
            {...(info?.unit === 'vnd'
              ? {
                  formatter: (v) => (String(v ?? '') === '' ? '' : formatNumber(Number(v))),
                  parser: (s) => Number((s ?? '').replace(/\D/g, '')),
                }
              : {})}
          />
        </Form.Item>
        <PeriodFields form={form} />
      </Form>
    </Modal>
  );
}
