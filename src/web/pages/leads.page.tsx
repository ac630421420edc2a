import '../leads.css';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Select, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { type CampaignItem, campaignKeys } from '../components/campaign-types.ts';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { EmptyState, LoadError } from '../components/query-state.tsx';
import { formatDate } from '../format.ts';
import { LeadsFunnel } from './leads.funnel.tsx';
import { LeadsList } from './leads.list.tsx';

export function LeadsPage() {
  return (
    <RequirePermission permission="leads.work">
      <Leads />
    </RequirePermission>
  );
}

/**
 * Khách hàng tiềm năng: an officer's list of a campaign's leads (lists to draw, people to assign)
 * and its funnel; an agent's own leads as a worklist. The campaign is in the address.
 */
function Leads() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate({ from: '/khach-hang-tiem-nang' });
  const { chienDich, tab = 'danh-sach' } = useSearch({ from: '/shell/khach-hang-tiem-nang' });
  const campaigns = useQuery({
    queryKey: [...campaignKeys.list, 'leads'],
    queryFn: () => api.get<List<CampaignItem>>('/campaigns', { limit: 100 }),
  });
  const items = campaigns.data?.items ?? [];
  // The campaign asked for, else the one under way, else the latest.
  const campaign =
    items.find((c) => c.id === chienDich) ?? items.find((c) => c.status === 'ongoing') ?? items[0];
  const manages = can('leads.manage');

  return (
    <>
      <PageHeader
        title={manages ? t('leads.title') : t('leads.mine')}
        subtitle={manages ? t('leads.subtitle') : t('leads.mineSubtitle')}
      />
      {campaigns.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : campaigns.error ? (
        <LoadError error={campaigns.error} onRetry={() => campaigns.refetch()} />
      ) : !campaign ? (
        <EmptyState description={t('leads.noCampaign')} />
      ) : (
        <>
          <div className="filters">
            <Select<number>
              aria-label={t('leads.campaign')}
              className="filter-wide"
              value={campaign.id}
              onChange={(id) => navigate({ search: (s) => ({ ...s, chienDich: id }) })}
              options={items.map((c) => ({
                value: c.id,
                label: `${c.name} (${formatDate(c.startsOn)} – ${formatDate(c.endsOn)})`,
              }))}
              popupMatchSelectWidth={false}
            />
          </div>
          <Tabs
            activeKey={tab}
            onChange={(key) =>
              navigate({ search: (s) => ({ ...s, tab: key === 'pheu' ? ('pheu' as const) : undefined }) })
            }
            destroyOnHidden
            items={[
              {
                key: 'danh-sach',
                label: manages ? t('leads.tabs.list') : t('leads.tabs.mine'),
                children: <LeadsList campaign={campaign} />,
              },
              { key: 'pheu', label: t('leads.tabs.funnel'), children: <LeadsFunnel campaign={campaign} /> },
            ]}
          />
        </>
      )}
    </>
  );
}
