import { useQuery } from '@tanstack/react-query';
import { DatePicker, Radio, Skeleton, Table, type TableColumnsType, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { EmptyState, LoadError } from '../components/query-state.tsx';
import { ProductTag } from '../components/registry-labels.tsx';
import type { Commission } from '../components/registry-types.ts';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatNumber, formatVnd } from '../format.ts';
import { CommissionRates } from './cash.rates.tsx';

/** The month's commission statement: receipts, money collected and commission, per agent or unit. */
export function CommissionsTab() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isMobile = useIsMobile();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [groupBy, setGroupBy] = useState<'agent' | 'org'>('agent');
  const monthText = month.format('YYYY-MM');
  const query = useQuery({
    queryKey: ['registry', 'cash', 'commissions', monthText, groupBy],
    queryFn: () => api.get<List<Commission>>('/commissions', { month: monthText, groupBy }),
  });
  const items = query.data?.items ?? [];
  const totals = items.reduce(
    (s, c) => ({
      receipts: s.receipts + c.receipts,
      collected: s.collected + c.collected,
      commission: s.commission + c.commission,
    }),
    { receipts: 0, collected: 0, commission: 0 },
  );
  const demo = items.some((c) => c.demoRate);

  const rate = (c: Commission) => (
    <>
      {formatVnd(c.commission)}
      {c.demoRate && (
        <Tag color="orange" className="tag-inline reg-demo-rate">
          {t('registry.cash.demoRate')}
        </Tag>
      )}
    </>
  );
  const columns: TableColumnsType<Commission> = [
    {
      title: groupBy === 'agent' ? t('registry.cash.agent') : t('registry.list.unit'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <div>
          <div className="cell-strong">{name}</div>
          {groupBy === 'agent' && <div className="muted">{c.orgUnitName}</div>}
        </div>
      ),
    },
    {
      title: t('registry.cash.product'),
      dataIndex: 'product',
      render: (p: Commission['product']) => <ProductTag product={p} />,
    },
    {
      title: t('registry.cash.receipts'),
      dataIndex: 'receipts',
      align: 'right',
      render: (n: number) => formatNumber(n),
    },
    {
      title: t('registry.cash.collected'),
      dataIndex: 'collected',
      align: 'right',
      render: (v: number) => formatVnd(v),
    },
    {
      title: t('registry.cash.commission'),
      key: 'commission',
      align: 'right',
      render: (_: unknown, c) => rate(c),
    },
  ];

  return (
    <>
      <div className="filters">
        <DatePicker
          picker="month"
          aria-label={t('registry.cash.month')}
          format="MM/YYYY"
          value={month}
          allowClear={false}
          onChange={(m) => m && setMonth(m)}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
        />
        {user?.role !== 'collection_agent' && (
          <Radio.Group
            aria-label={t('registry.cash.groupBy')}
            optionType="button"
            value={groupBy}
            onChange={(e) => setGroupBy(e.target.value)}
            options={[
              { value: 'agent', label: t('registry.cash.byAgent') },
              { value: 'org', label: t('registry.cash.byOrg') },
            ]}
          />
        )}
      </div>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : query.error ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState description={t('registry.cash.noCommissions', { month: month.format('MM/YYYY') })} />
      ) : isMobile ? (
        <div className="compact-list">
          <ul aria-label={t('registry.cash.commissionsTab')}>
            {items.map((c) => (
              <li key={`${c.id}-${c.product}`} className="compact-item">
                <div className="compact-title">
                  <span>{c.name}</span>
                  <ProductTag product={c.product} />
                </div>
                <div className="compact-meta">
                  {t('registry.cash.receiptsCount', { n: formatNumber(c.receipts) })} ·{' '}
                  {formatVnd(c.collected)}
                </div>
                <div className="compact-meta">
                  {t('registry.cash.commission')}: <strong>{rate(c)}</strong>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <Table<Commission>
          size="middle"
          rowKey={(c) => `${c.id}-${c.product}`}
          columns={columns}
          dataSource={items}
          pagination={false}
          summary={() => (
            <Table.Summary.Row className="summary-row">
              <Table.Summary.Cell index={0} colSpan={2}>
                {t('registry.cash.total')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {formatNumber(totals.receipts)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {formatVnd(totals.collected)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {formatVnd(totals.commission)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
      {items.length > 0 && isMobile && (
        <div className="reg-total-line">
          {t('registry.cash.total')}: {formatVnd(totals.collected)} · {t('registry.cash.commission')}:{' '}
          {formatVnd(totals.commission)}
        </div>
      )}
      {demo && <div className="muted block-top">{t('registry.cash.demoRateNote')}</div>}
      <CommissionRates />
    </>
  );
}
