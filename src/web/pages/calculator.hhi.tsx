import { Card, DatePicker, Form, InputNumber, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calculate, type HhiMember, type RuleBook } from '../../domain/law/index.ts';
import { useDay } from '../components/use-day.ts';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { DATE_FORMAT, formatDate, formatVnd } from '../format.ts';
import { currentLang } from '../i18n.ts';
import { PrintInputs } from './calculator.print.tsx';
import { Breakdown, FixErrors, StepList, TotalBlock } from './calculator.result.tsx';

const PERIODS = [3, 6, 12] as const;
const FIELDS = ['paymentDate', 'members', 'months'];

interface Props {
  book: RuleBook;
  paymentDate: string;
  onPaymentDate: (date: string) => void;
}

/** Household health insurance sold in the same visit: N members, 3, 6 or 12 months. */
export function HhiCalculator({ book, paymentDate, onPaymentDate }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const isMobile = useIsMobile();
  const [members, setMembers] = useState<number | null>(3);
  const [months, setMonths] = useState<number>(12);
  const outcome = calculate(
    'hhi-quote',
    { paymentDate, members: members ?? undefined, months },
    { book, lang },
  );
  const errors = outcome.ok ? [] : (outcome.error.details ?? [outcome.error]);
  const fieldError = (field: string) => errors.find((e) => e.field === field)?.message;
  const general = errors.filter((e) => !FIELDS.includes(e.field ?? '')).map((e) => e.message);
  const vnd = (n: number) => formatVnd(n);
  const day = useDay(paymentDate);

  return (
    <>
      <PrintInputs
        items={[
          [t('calc.paymentDate'), formatDate(paymentDate)],
          [t('calc.hhi.members'), String(members ?? '—')],
          [t('calc.hhi.months'), t('calc.hhi.monthsOption', { n: months })],
        ]}
      />
      <div className="calc-grid">
        <Card title={t('calc.inputs')} className="calc-inputs no-print" size="small">
          <Form layout="vertical" component="div" className="calc-form" requiredMark={false}>
            <Form.Item
              label={t('calc.paymentDate')}
              htmlFor="hhi-date"
              validateStatus={fieldError('paymentDate') ? 'error' : undefined}
              help={fieldError('paymentDate')}
            >
              <DatePicker
                id="hhi-date"
                className="full-width"
                format={DATE_FORMAT}
                allowClear={false}
                inputReadOnly={isMobile}
                value={day}
                onChange={(d) => d && onPaymentDate(d.format('YYYY-MM-DD'))}
              />
            </Form.Item>
            <Form.Item
              label={t('calc.hhi.members')}
              htmlFor="hhi-members"
              validateStatus={fieldError('members') ? 'error' : undefined}
              help={fieldError('members') ?? t('calc.hhi.membersHint')}
            >
              <InputNumber<number>
                id="hhi-members"
                className="full-width"
                size="large"
                inputMode="numeric"
                precision={0}
                min={1}
                mode="spinner"
                value={members}
                onChange={(v) => setMembers(v ?? null)}
              />
            </Form.Item>
            <Form.Item
              label={t('calc.hhi.months')}
              validateStatus={fieldError('months') ? 'error' : undefined}
              help={fieldError('months')}
            >
              <Segmented<number>
                block
                aria-label={t('calc.hhi.months')}
                value={months}
                onChange={setMonths}
                options={PERIODS.map((n) => ({ value: n, label: t('calc.hhi.monthsOption', { n }) }))}
              />
            </Form.Item>
          </Form>
        </Card>
        <Card title={t('calc.result')} className="calc-result" size="small">
          <section aria-label={t('calc.resultLabel')}>
            {!outcome.ok ? (
              <FixErrors general={general} />
            ) : (
              <>
                <Table<HhiMember>
                  size="small"
                  pagination={false}
                  rowKey="order"
                  className="calc-hhi-table"
                  dataSource={outcome.result.members}
                  columns={[
                    {
                      title: t('calc.hhi.member'),
                      dataIndex: 'order',
                      render: (n: number) => t('calc.hhi.memberN', { n }),
                    },
                    { title: t('calc.hhi.monthly'), dataIndex: 'monthly', align: 'right', render: vnd },
                    { title: t('calc.hhi.periodTotal'), dataIndex: 'total', align: 'right', render: vnd },
                  ]}
                />
                <Breakdown
                  rows={[
                    {
                      label: t('calc.hhi.monthlyTotal'),
                      value: vnd(outcome.result.monthlyTotal),
                      strong: true,
                    },
                    { label: t('calc.monthsCount'), value: t('calc.monthsValue', { n: months }) },
                  ]}
                />
                <TotalBlock total={outcome.result.total} />
                <StepList steps={outcome.result.steps} ruleVersion={outcome.result.ruleVersion} />
              </>
            )}
          </section>
        </Card>
      </div>
    </>
  );
}
