import { Alert, DatePicker, Form, InputNumber, Radio, Skeleton, Table } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleBook } from '../../domain/law/index.ts';
import { type ProjectionResult, projectRetirement } from '../../domain/law/projection.ts';
import { useDay } from '../components/use-day.ts';
import { formatMonth, formatRate, formatVnd } from '../format.ts';
import { currentLang } from '../i18n.ts';
import { type PersonForm, projectionInput, type VsiForm } from './calculator.model.ts';

const ProjectionChart = lazy(() => import('../components/projection-chart.tsx'));

interface Props {
  book: RuleBook;
  form: VsiForm;
  person: PersonForm;
  onPerson: (patch: Partial<PersonForm>) => void;
  /** False while the quote itself has errors: the projection needs a valid income first. */
  quoteOk: boolean;
}

/** The expected pension and the "withdraw now or keep paying" comparison agents use at the door. */
export function Projection({ book, form, person, onPerson, quoteOk }: Props) {
  const { t } = useTranslation();
  const birthDay = useDay(person.birthMonth ? `${person.birthMonth}-01` : undefined);
  const lang = currentLang();
  const input = projectionInput(form, person);
  // A few hundred integer steps: cheaper than deciding whether to memoise them.
  const outcome = input && quoteOk ? projectRetirement(input, { book, lang }) : null;
  const duration = (months: number) =>
    t('calc.projection.duration', { years: Math.floor(months / 12), months: months % 12 });

  return (
    <>
      <Form layout="vertical" component="div" className="calc-person no-print" requiredMark={false}>
        <Form.Item label={t('calc.projection.birthMonth')} htmlFor="calc-birth">
          <DatePicker
            id="calc-birth"
            picker="month"
            format="MM/YYYY"
            className="full-width"
            placeholder={t('calc.projection.birthPlaceholder')}
            value={birthDay}
            disabledDate={(d) => d.format('YYYY-MM') > form.paymentDate.slice(0, 7)}
            onChange={(d) => onPerson({ birthMonth: d ? d.format('YYYY-MM') : undefined })}
          />
        </Form.Item>
        <Form.Item label={t('calc.projection.sex')}>
          <Radio.Group
            aria-label={t('calc.projection.sex')}
            optionType="button"
            buttonStyle="solid"
            value={person.sex}
            onChange={(e) => onPerson({ sex: e.target.value })}
            options={(['M', 'F'] as const).map((s) => ({ value: s, label: t(`calc.projection.sexes.${s}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('calc.projection.contributed')}
          htmlFor="calc-contributed"
          help={t('calc.projection.contributedHint', { duration: duration(person.contributedMonths ?? 0) })}
        >
          <InputNumber<number>
            id="calc-contributed"
            className="full-width"
            inputMode="numeric"
            precision={0}
            min={0}
            max={1200}
            value={person.contributedMonths}
            onChange={(v) => onPerson({ contributedMonths: v ?? null })}
          />
        </Form.Item>
      </Form>
      {!input ? (
        <p className="muted calc-hint">{t('calc.projection.needInputs')}</p>
      ) : !quoteOk ? (
        <p className="muted calc-hint">{t('calc.projection.needIncome')}</p>
      ) : outcome && !outcome.ok ? (
        <Alert type="warning" showIcon title={outcome.error.message} />
      ) : outcome?.ok ? (
        <ProjectionBody result={outcome.result} income={form.income ?? 0} duration={duration} />
      ) : null}
    </>
  );
}

function ProjectionBody({
  result: r,
  income,
  duration,
}: {
  result: ProjectionResult;
  income: number;
  duration: (months: number) => string;
}) {
  const { t } = useTranslation();
  const vnd = (n: number) => formatVnd(n);
  const age = r.retirementAge;
  const rows = [
    ...r.pensionAtYears.map((p) => ({
      key: String(p.years),
      label: t('calc.projection.years', { n: p.years }),
      ...p,
    })),
    {
      key: 'retire',
      label: t('calc.projection.atRetirement', { duration: duration(r.atRetirement.contributionMonths) }),
      years: 0,
      ...r.atRetirement,
    },
  ];
  const breakEvenYear = r.breakEven ? Number(r.breakEven.month.slice(0, 4)) : null;
  const horizon = r.series.at(-1)?.age ?? 85;
  return (
    <div className="calc-projection-body">
      <p>
        {age
          ? t('calc.projection.retirement', {
              age:
                age.months === 0
                  ? t('calc.projection.ageYears', { years: age.years })
                  : t('calc.projection.age', { years: age.years, months: age.months }),
              month: formatMonth(r.retirementMonth),
              start: formatMonth(r.pensionStartMonth),
            })
          : t('calc.projection.retirementPast', { start: formatMonth(r.pensionStartMonth) })}{' '}
        {r.extended &&
          t('calc.projection.extended', { min: r.minYears, month: formatMonth(r.retirementMonth) })}
      </p>
      <h3 className="calc-subtitle">{t('calc.projection.byYears')}</h3>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        className="calc-pension-table"
        rowClassName={(row) => (row.key === 'retire' ? 'is-strong' : '')}
        dataSource={rows}
        columns={[
          { title: t('calc.projection.colYears'), dataIndex: 'label' },
          {
            title: t('calc.projection.colRate'),
            dataIndex: 'rate',
            align: 'right',
            render: (rate: number, row) => (row.eligible ? formatRate(rate) : '—'),
          },
          {
            title: t('calc.projection.colPension'),
            dataIndex: 'monthlyPension',
            align: 'right',
            render: (amount: number, row) => (row.eligible ? vnd(amount) : t('calc.projection.notEligible')),
          },
        ]}
      />
      <p className="muted calc-assumption">{t('calc.projection.assumption', { income: vnd(income) })}</p>

      <h3 className="calc-subtitle">{t('calc.projection.compare')}</h3>
      <ul className="calc-compare">
        <li className="is-withdraw">
          {r.lumpSum.amount > 0 || r.lumpSum.gross > 0
            ? t('calc.projection.lumpNow', { amount: vnd(r.lumpSum.amount) })
            : t('calc.projection.lumpNone')}{' '}
          {r.lumpSum.supportDeducted > 0 &&
            t('calc.projection.lumpDeducted', { amount: vnd(r.lumpSum.supportDeducted) })}
        </li>
        <li className="is-keep">
          {t('calc.projection.keepLine', {
            months: r.monthsToPay,
            amount: vnd(r.toPay),
            pension: vnd(r.atRetirement.monthlyPension),
          })}{' '}
          {r.atRetirement.retirementLumpSum > 0 &&
            t('calc.projection.retirementLump', { amount: vnd(r.atRetirement.retirementLumpSum) })}
        </li>
      </ul>
      <p className={r.breakEven ? 'calc-break-even' : 'calc-break-even is-none'}>
        {r.breakEven
          ? t('calc.projection.breakEven', {
              month: formatMonth(r.breakEven.month),
              age: r.breakEven.age,
            })
          : t('calc.projection.noBreakEven', { age: horizon })}
      </p>
      <div className="no-print">
        <Suspense fallback={<Skeleton.Node active className="calc-chart-skeleton" />}>
          <ProjectionChart series={r.series} breakEvenYear={breakEvenYear} />
        </Suspense>
      </div>
      <ul className="muted calc-notes">
        <li>{t('calc.projection.chartNote')}</li>
        {r.socialPension && (
          <li>
            {t('calc.projection.socialPension', {
              amount: vnd(r.socialPension.monthly),
              age: r.socialPension.age,
            })}
          </li>
        )}
        <li>{t('calc.projection.healthCard')}</li>
        <li>{t('calc.projection.withdrawRules')}</li>
      </ul>
    </div>
  );
}
