import { Alert, Card, Collapse, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VsiQuoteResult } from '../../domain/law/index.ts';
import { AmountWithWords, stepValue } from '../components/registry-labels.tsx';
import { formatVnd } from '../format.ts';
import type { QuoteState } from './enroll.model.ts';

/** The first payment, recomputed in the browser on every change, with its steps one tap away. */
export function EnrollQuote({ quote, offline }: { quote: QuoteState; offline: boolean }) {
  const { t } = useTranslation();
  const other = quote.errors.filter((e) => e.field !== 'monthlyIncome');
  return (
    <Card size="small" title={t('registry.quote.title')} className="reg-quote">
      <section aria-label={t('registry.quote.title')} aria-live="polite">
        {quote.result ? (
          <QuoteBody quote={quote.result} />
        ) : other.length > 0 ? (
          <Alert type="warning" showIcon title={other.map((e) => e.message).join(' ')} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('registry.quote.waiting')}</Typography.Paragraph>
            <Skeleton title={false} paragraph={{ rows: 2 }} />
          </>
        )}
        {offline && <Alert type="info" showIcon className="block-top" title={t('registry.quote.offline')} />}
      </section>
    </Card>
  );
}

export function QuoteBody({ quote, label }: { quote: VsiQuoteResult; label?: string }) {
  const { t } = useTranslation();
  const support = quote.stateSupportMonthly + quote.localSupportMonthly;
  return (
    <>
      <div className="reg-quote-label">
        {label ?? t('registry.quote.firstPayment', { months: quote.months })}
      </div>
      <AmountWithWords amount={quote.total} />
      <dl className="reg-facts">
        <div>
          <dt>{t('registry.quote.gross')}</dt>
          <dd>{formatVnd(quote.grossMonthly)}</dd>
        </div>
        {quote.stateSupportMonthly > 0 && (
          <div>
            <dt>{t('registry.quote.stateSupport')}</dt>
            <dd>−{formatVnd(quote.stateSupportMonthly)}</dd>
          </div>
        )}
        {quote.localSupportMonthly > 0 && (
          <div>
            <dt>{t('registry.quote.localSupport')}</dt>
            <dd>−{formatVnd(quote.localSupportMonthly)}</dd>
          </div>
        )}
        <div>
          <dt>{t('registry.quote.net')}</dt>
          <dd className="cell-strong">{formatVnd(quote.netMonthly)}</dd>
        </div>
        <div>
          <dt>{t('registry.quote.months')}</dt>
          <dd>{quote.months}</dd>
        </div>
        {support > 0 && quote.supportedMonths < quote.months && (
          <div>
            <dt>{t('registry.quote.supportedMonths')}</dt>
            <dd>{quote.supportedMonths}</dd>
          </div>
        )}
      </dl>
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'steps',
            label: t('registry.quote.steps'),
            children: <QuoteSteps steps={quote.steps} />,
          },
        ]}
      />
      <div className="muted">{t('registry.quote.ruleVersion', { version: quote.ruleVersion })}</div>
    </>
  );
}

export function QuoteSteps({ steps }: { steps: readonly { label: string; value: number | string }[] }) {
  return (
    <ol className="reg-steps">
      {steps.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: steps are a fixed, ordered explanation
        <li key={i}>
          <span className="reg-step-label">{s.label}</span>
          <strong className="reg-step-value">{stepValue(s)}</strong>
        </li>
      ))}
    </ol>
  );
}
