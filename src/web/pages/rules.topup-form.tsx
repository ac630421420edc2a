import { App, Form, InputNumber, Modal, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, type Category, PROVINCES_2025 } from '../../domain/law/index.ts';
import { normalizeSearch } from '../../domain/units/normalize.ts';
import { formatDate, formatRate, formatVnd } from '../format.ts';
import type { RulesPayload } from '../types.ts';
import { PeriodFields, type PeriodValues, periodBody, useRuleChange } from './rules.form-parts.tsx';
import { inForce, toApiValue } from './rules.format.ts';

interface Values extends PeriodValues {
  provinceCode: string;
  category: Category;
  /** Percent, as written in the People's Council resolution. */
  value: number;
}

interface Body {
  provinceCode: string;
  category: Category;
  value: number;
  validFrom: string;
  validTo?: string;
  basis: string;
  confidence: string;
}

/** What a share of the base (22% × poverty line) is worth a month on a day, from the rows. */
function monthlyAmount(payload: RulesPayload, share: number, day: string): number | null {
  const value = (key: string) => payload.rows.find((r) => r.key === key && inForce(r, day))?.value;
  const cn = value('vsi.poverty_line');
  const rate = value('vsi.contribution_rate');
  return cn === undefined || rate === undefined ? null : Math.round(share * rate * cn);
}

/** A province's own support on top of the State's, for one category, from a date on. */
export function TopupForm({ payload, onClose }: { payload: RulesPayload; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useRuleChange<Body>('/rules/topups', form, onClose);
  const pct = Form.useWatch('value', form);
  const validFrom = Form.useWatch('validFrom', form);
  const day = validFrom?.format('YYYY-MM-DD');
  const amount = pct !== undefined && pct !== null && day ? monthlyAmount(payload, pct / 100, day) : null;
  const provinces = useMemo(
    () =>
      Object.entries(PROVINCES_2025)
        .map(([code, name]) => ({ value: code, label: name, search: normalizeSearch(name) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    [],
  );

  const onFinish = (v: Values) => {
    const body: Body = {
      provinceCode: v.provinceCode,
      category: v.category,
      value: toApiValue(v.value, 'rate'),
      ...periodBody(v),
    };
    const perMonth = monthlyAmount(payload, body.value, body.validFrom);
    const values = {
      from: formatDate(body.validFrom),
      to: body.validTo ? formatDate(body.validTo) : '',
      province: PROVINCES_2025[body.provinceCode] ?? body.provinceCode,
      category: t(`calc.category.${body.category}`).toLocaleLowerCase('vi'),
      value: formatRate(body.value),
      amount: perMonth === null ? '' : t('rules.confirmTopupAmount', { amount: formatVnd(perMonth) }),
    };
    modal.confirm({
      title: t('rules.confirm'),
      content: (
        <>
          <p>{t(body.validTo ? 'rules.confirmTopupUntil' : 'rules.confirmTopup', values)}</p>
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
      title={t('rules.setTopupTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      <Form<Values>
        form={form}
        name="rule-topup"
        layout="vertical"
        disabled={save.isPending}
        onFinish={onFinish}
      >
        <div className="form-row">
          <Form.Item
            name="provinceCode"
            label={t('rules.province')}
            rules={[{ required: true, message: t('form.choose') }]}
          >
            <Select
              options={provinces}
              showSearch={{ filterOption: (input, o) => (o?.search ?? '').includes(normalizeSearch(input)) }}
            />
          </Form.Item>
          <Form.Item
            name="category"
            label={t('rules.category')}
            rules={[{ required: true, message: t('form.choose') }]}
          >
            <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`calc.category.${c}`) }))} />
          </Form.Item>
        </div>
        <Form.Item
          name="value"
          label={t('rules.topupValue')}
          rules={[{ required: true, message: t('form.choose') }]}
          extra={amount === null ? undefined : t('rules.topupAmount', { amount: formatVnd(amount) })}
        >
          <InputNumber<number>
            className="full-width"
            min={0}
            max={100}
            precision={2}
            decimalSeparator=","
            suffix="%"
          />
        </Form.Item>
        <PeriodFields form={form} />
      </Form>
    </Modal>
  );
}
