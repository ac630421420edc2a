import '../registry.css';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { Alert, Button, Card, Result, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api.ts';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { LoadError } from '../components/query-state.tsx';
import { registryKeys } from '../components/registry-api.ts';
import { AmountWithWords, ProductTag, periodText } from '../components/registry-labels.tsx';
import type { Receipt } from '../components/registry-types.ts';
import { formatDate, formatDateTime, formatMonth, formatRate, formatVnd } from '../format.ts';
import { ReceiptActions } from './receipt.actions.tsx';
import { NextDueQr } from './receipt.qr.tsx';

export function ReceiptPage() {
  return (
    <RequirePermission permission="participants.read">
      <ReceiptLoader />
    </RequirePermission>
  );
}

function ReceiptLoader() {
  const { t } = useTranslation();
  const { number } = useParams({ from: '/shell/bien-lai/$number' });
  const query = useQuery({
    queryKey: registryKeys.receipt(number),
    queryFn: () => api.get<Receipt>(`/receipts/${encodeURIComponent(number)}`),
  });
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.error) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <Result
          status="404"
          title={t('registry.receipt.notFound')}
          subTitle={query.error.message || number}
        />
      );
    }
    return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  }
  return <ReceiptView r={query.data} />;
}

function ReceiptView({ r }: { r: Receipt }) {
  const { t } = useTranslation();
  const { nguoi } = useSearch({ from: '/shell/bien-lai/$number' });
  const period = periodText(t, { from: r.coveredFrom, to: r.coveredTo, months: r.months });
  return (
    <>
      <PageHeader
        title={t('registry.receipt.pageTitle', { number: r.number })}
        subtitle={formatDateTime(r.issuedAt)}
        extra={
          nguoi ? (
            <Link to="/nguoi-tham-gia/$id" params={{ id: String(nguoi) }}>
              <Button>{t('registry.receipt.backToProfile')}</Button>
            </Link>
          ) : undefined
        }
      />
      {r.voided && (
        <Alert
          type="error"
          showIcon
          className="block-gap"
          title={t('registry.receipt.voided', { at: formatDateTime(r.voided.at), by: r.voided.by })}
          description={t('registry.receipt.voidReason', { reason: r.voided.reason })}
        />
      )}
      <ReceiptActions r={r} />
      <Card className={r.voided ? 'reg-receipt is-voided' : 'reg-receipt'}>
        <article aria-label={t('registry.receipt.title')}>
          {r.demo && <div className="reg-receipt-demo">{t('registry.receipt.demo')}</div>}
          <header className="reg-receipt-head">
            <h2>{t('registry.receipt.title')}</h2>
            <div>
              <ProductTag product={r.product} /> {r.mode}
            </div>
            <div className="reg-receipt-number">
              {t('registry.receipt.number')}: <strong>{r.number}</strong>
            </div>
            <div className="muted">
              {t('registry.receipt.issuedAt')}: {formatDateTime(r.issuedAt)}
            </div>
          </header>
          <section className="reg-receipt-block">
            <h3>{r.household ? t('registry.receipt.householdHead') : t('registry.receipt.participant')}</h3>
            <dl className="reg-facts">
              <div>
                <dt>{t('registry.field.fullName')}</dt>
                <dd className="cell-strong">{r.participant.fullName}</dd>
              </div>
              <div>
                <dt>{t('registry.receipt.id')}</dt>
                <dd>
                  {r.participant.maskedId}
                  {r.participant.birthYear
                    ? ` · ${t('registry.receipt.birthYear', { year: r.participant.birthYear })}`
                    : ''}
                </dd>
              </div>
              {r.participant.address && (
                <div>
                  <dt>{t('registry.receipt.address')}</dt>
                  <dd>{r.participant.address}</dd>
                </div>
              )}
            </dl>
            {r.household && (
              <ol className="reg-members">
                {r.household.members.map((m) => (
                  <li key={`${m.order}-${m.maskedId}`}>
                    <span>
                      {m.order}. {m.fullName} <span className="muted">{m.maskedId}</span>
                    </span>
                    <span>{t('registry.receipt.perMonth', { amount: formatVnd(m.monthly) })}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section className="reg-receipt-block">
            <h3>{t('registry.receipt.paid')}</h3>
            <dl className="reg-facts">
              <div>
                <dt>{t('registry.receipt.period')}</dt>
                <dd>{period}</dd>
              </div>
              <div>
                <dt>{t('registry.pay.methodLabel')}</dt>
                <dd>{t(`registry.method.${r.method}`)}</dd>
              </div>
            </dl>
            <table className="reg-lines">
              <tbody>
                {r.lines.map((l) => (
                  <tr key={l.label} className={l.amount < 0 ? 'is-deduction' : undefined}>
                    <td>{l.label}</td>
                    <td>{l.amount < 0 ? `−${formatVnd(-l.amount)}` : formatVnd(l.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {r.fundRateEntered ? (
              <p className="muted">
                {t('registry.receipt.fundRateEntered', { rate: formatRate(r.fundRateEntered) })}
              </p>
            ) : null}
            <div className="reg-receipt-total">
              <span>{t('registry.receipt.total')}</span>
              <AmountWithWords amount={r.total} />
            </div>
          </section>
          {r.nextDue && !r.voided && (
            <section className="reg-receipt-block reg-next-due">
              <h3>{t('registry.receipt.nextDue')}</h3>
              <p>
                {t('registry.receipt.nextDueText', {
                  month: formatMonth(r.nextDue.month),
                  date: formatDate(r.nextDue.dueDate),
                  amount: formatVnd(r.nextDue.amount),
                })}
              </p>
              <NextDueQr payload={r.nextDue.qrPayload} />
            </section>
          )}
          <footer className="reg-receipt-block muted">
            <div>
              {t('registry.receipt.collector')}: {r.agent.fullName}
              {r.agent.phone ? ` · ${r.agent.phone}` : ''}
            </div>
            <div>
              {r.unit.name}
              {r.unit.address ? ` · ${r.unit.address}` : ''}
            </div>
            <div>
              {t('registry.quote.ruleVersion', { version: r.ruleVersion })}
              {r.voided && (
                <Tag color="red" className="tag-inline reg-void-tag">
                  {t('registry.receipt.voidStamp')}
                </Tag>
              )}
            </div>
          </footer>
        </article>
      </Card>
    </>
  );
}
