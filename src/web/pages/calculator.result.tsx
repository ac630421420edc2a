import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { amountInWords, type CalcOutcome, type Step, type VsiQuoteResult } from '../../domain/law/index.ts';
import { formatRate, formatVnd } from '../format.ts';
import { currentLang } from '../i18n.ts';
import { type PlacedErrors, stepText, type VsiForm } from './calculator.model.ts';

/** The total, big, with the amount in words: what the villager hears and what the receipt will say. */
export function TotalBlock({ total }: { total: number }) {
  const { t } = useTranslation();
  return (
    <div className="calc-total" role="status" aria-live="polite" aria-atomic="true">
      <div className="calc-total-label">{t('calc.total')}</div>
      <div className="calc-total-amount">{formatVnd(total)}</div>
      <div className="calc-total-words" lang="vi">
        {amountInWords(total)}
      </div>
    </div>
  );
}

export function StepList({ steps, ruleVersion }: { steps: readonly Step[]; ruleVersion: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <>
      <div className="calc-version">
        {t('calc.ruleVersion')}: <code>{ruleVersion}</code>
      </div>
      <h3 className="calc-subtitle">{t('calc.steps')}</h3>
      <ol className="calc-steps">
        {steps.map((step, i) => (
          // Labels repeat (two "Số tháng" in a back payment); the position is the identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole on every change
          <li key={i}>
            <span className="calc-step-label">{step.label}</span>
            <span className="calc-step-value">{stepText(step, lang)}</span>
          </li>
        ))}
      </ol>
    </>
  );
}

export function Breakdown({ rows }: { rows: { label: string; value: ReactNode; strong?: boolean }[] }) {
  return (
    <dl className="calc-breakdown">
      {rows.map((row) => (
        <div key={row.label} className={row.strong ? 'is-strong' : undefined}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function FixErrors({ general }: { general: string[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('calc.fixErrors')}
      description={
        general.length > 0 ? (
          <ul className="calc-general-errors">
            {general.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

interface Props {
  form: VsiForm;
  outcome: CalcOutcome<VsiQuoteResult>;
  errors: PlacedErrors;
  rate: number;
}

/** The VSI quote: gross, support, net, months, total in words, rule version and the engine's steps. */
export function VsiResult({ form, outcome, errors, rate }: Props) {
  const { t } = useTranslation();
  if (!outcome.ok) return <FixErrors general={errors.general} />;
  const r = outcome.result;
  const minus = (amount: number) => (amount > 0 ? `− ${formatVnd(amount)}` : formatVnd(0));
  return (
    <>
      <Breakdown
        rows={[
          {
            label: t('calc.gross', { rate: formatRate(rate) }),
            value: formatVnd(r.grossMonthly),
          },
          { label: t('calc.stateSupport'), value: minus(r.stateSupportMonthly) },
          { label: t('calc.localSupport'), value: minus(r.localSupportMonthly) },
          { label: t('calc.netMonthly'), value: formatVnd(r.netMonthly), strong: true },
          { label: t('calc.monthsCount'), value: t('calc.monthsValue', { n: r.months }) },
        ]}
      />
      <TotalBlock total={r.total} />
      {form.mode === 'advance' && <p className="calc-note">{t('calc.advanceNote')}</p>}
      {form.mode === 'backpay' && <p className="calc-note">{t('calc.backpayNote')}</p>}
      {r.supportedMonths > 0 && r.supportedMonths < r.months && (
        <p className="calc-note">
          {t('calc.supportedMonthsNote', { n: r.supportedMonths, months: r.months })}
        </p>
      )}
      <StepList steps={r.steps} ruleVersion={r.ruleVersion} />
    </>
  );
}
