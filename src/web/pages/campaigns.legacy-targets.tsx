import { useQuery } from '@tanstack/react-query';
import { Card, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { campaignKeys } from '../components/campaign-types.ts';
import { LoadError } from '../components/query-state.tsx';
import type { Product } from '../components/registry-types.ts';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatNumber } from '../format.ts';

interface LegacyTarget {
  id: number;
  level: 'province' | 'district';
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  amount: number;
  actual: number;
}

/**
 * A campaign planned on the pre-2025 units (as in 2022): each former province's target, the
 * province of today it merged into, and what was registered in the communes that continue its own.
 * Shown only when there are such targets.
 */
export function LegacyTargets({ campaignId, product }: { campaignId: number; product: Product }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const query = useQuery({
    queryKey: [...campaignKeys.targets(campaignId), 'legacy', product],
    queryFn: () => api.get<List<LegacyTarget>>(`/campaigns/${campaignId}/legacy-targets`, { product }),
  });
  if (query.error) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  if (!query.data || query.data.items.length === 0) return null;
  const reached = (r: LegacyTarget) => (r.amount > 0 ? Math.round((r.actual / r.amount) * 100) : 0);
  return (
    <Card size="small" className="camp-card" title={t('campaigns.targets.legacy.title')}>
      <p className="muted">{t('campaigns.targets.legacy.hint')}</p>
      <Table<LegacyTarget>
        size="small"
        rowKey="id"
        dataSource={query.data.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        columns={[
          {
            title: t('campaigns.targets.legacy.former'),
            key: 'name',
            render: (_, r) => `${r.name} (${r.code})`,
          },
          ...(isMobile
            ? []
            : [
                {
                  title: t('campaigns.targets.legacy.today'),
                  key: 'today',
                  render: (_: unknown, r: LegacyTarget) => r.provinceName,
                },
              ]),
          {
            title: t('campaigns.targets.legacy.amount'),
            key: 'amount',
            align: 'right',
            render: (_, r) => formatNumber(r.amount),
          },
          {
            title: t('campaigns.targets.legacy.actual'),
            key: 'actual',
            align: 'right',
            render: (_, r) => formatNumber(r.actual),
          },
          {
            title: t('campaigns.targets.legacy.reached'),
            key: 'reached',
            render: (_, r) => (
              <Progress percent={Math.min(100, reached(r))} format={() => `${reached(r)}%`} size="small" />
            ),
          },
        ]}
      />
    </Card>
  );
}
