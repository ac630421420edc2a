import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Card, Skeleton, Statistic, type TableColumnsType, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { LoadError } from '../components/query-state.tsx';
import type { Ledger, LedgerEntry } from '../components/registry-types.ts';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { formatDate, formatDateTime, formatVnd } from '../format.ts';

const KIND_COLORS: Record<LedgerEntry['kind'], string> = {
  collection: 'green',
  void: 'red',
  remittance: 'blue',
};

/** One collector's cash: what they hold, collected, handed in, and what is late to hand in. */
export function LedgerView({ agentUserId }: { agentUserId?: number }) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: another agent starts from page one
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [agentUserId]);
  const query = useQuery({
    queryKey: ['registry', 'cash', 'ledger', agentUserId, paging],
    queryFn: () => api.get<Ledger>('/cash/ledger', { agentUserId, ...toLimitOffset(paging) }),
    placeholderData: keepPreviousData,
  });
  const data = query.data;

  const columns: TableColumnsType<LedgerEntry> = [
    { title: t('registry.cash.onDate'), dataIndex: 'onDate', render: (d: string) => formatDate(d) },
    {
      title: t('registry.cash.kind'),
      dataIndex: 'kind',
      render: (k: LedgerEntry['kind']) => <Tag color={KIND_COLORS[k]}>{t(`registry.cash.kinds.${k}`)}</Tag>,
    },
    {
      title: t('registry.cash.reference'),
      dataIndex: 'reference',
      render: (ref: string | null, e) => <Reference entry={e} reference={ref} />,
    },
    {
      title: t('registry.cash.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (a: number) => <SignedAmount amount={a} />,
    },
    { title: t('registry.cash.recordedBy'), dataIndex: 'recordedBy', render: (v: string | null) => v ?? '—' },
  ];

  if (query.error && !data) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <>
      {data ? (
        <>
          <div className="muted block-gap">
            {data.agent.fullName} · {data.agent.orgUnitName}
          </div>
          <div className="stat-grid block-gap">
            <Card size="small">
              <Statistic
                title={t('registry.cash.balance')}
                value={data.balance}
                formatter={(v) => formatVnd(Number(v))}
              />
            </Card>
            <Card size="small">
              <Statistic
                title={t('registry.cash.collected')}
                value={data.collected}
                formatter={(v) => formatVnd(Number(v))}
              />
            </Card>
            <Card size="small">
              <Statistic
                title={t('registry.cash.remitted')}
                value={data.remitted}
                formatter={(v) => formatVnd(Number(v))}
              />
            </Card>
            <Card size="small">
              <Statistic
                title={t('registry.cash.overdue')}
                value={data.overdue}
                formatter={(v) => formatVnd(Number(v))}
                styles={{ content: data.overdue > 0 ? { color: '#d4380d' } : undefined }}
              />
            </Card>
          </div>
          {data.balance < 0 && (
            <Alert
              type="info"
              showIcon
              className="block-gap"
              title={t('registry.cash.negative', { amount: formatVnd(-data.balance) })}
            />
          )}
          {data.overdue > 0 && (
            <Alert
              type="warning"
              showIcon
              className="block-gap"
              title={t('registry.cash.overdueWarning', { amount: formatVnd(data.overdue) })}
            />
          )}
        </>
      ) : (
        <Skeleton active paragraph={{ rows: 2 }} />
      )}
      <ResponsiveList<LedgerEntry>
        label={t('registry.cash.entries')}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(e) => e.id}
        emptyText={t('registry.cash.noEntries')}
        renderCard={(e) => (
          <>
            <div className="compact-title">
              <span>
                <Tag color={KIND_COLORS[e.kind]} className="tag-inline">
                  {t(`registry.cash.kinds.${e.kind}`)}
                </Tag>{' '}
                <Reference entry={e} reference={e.reference} />
              </span>
              <SignedAmount amount={e.amount} />
            </div>
            <div className="compact-meta">
              {formatDateTime(e.at)}
              {e.recordedBy ? ` · ${e.recordedBy}` : ''}
              {e.note ? ` · ${e.note}` : ''}
            </div>
          </>
        )}
      />
    </>
  );
}

function Reference({ entry, reference }: { entry: LedgerEntry; reference: string | null }) {
  if (reference && /^BL-\d{8,}$/.test(reference) && entry.kind !== 'remittance') {
    return (
      <Link to="/bien-lai/$number" params={{ number: reference }}>
        {reference}
      </Link>
    );
  }
  return <span>{reference ?? entry.note ?? '—'}</span>;
}

/** Collections add to what the agent holds; voids and remittances take away. */
function SignedAmount({ amount }: { amount: number }) {
  return (
    <strong className={amount < 0 ? 'reg-minus' : 'reg-plus'}>
      {amount < 0 ? `−${formatVnd(-amount)}` : `+${formatVnd(amount)}`}
    </strong>
  );
}
