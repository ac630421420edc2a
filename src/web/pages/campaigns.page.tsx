import '../campaigns.css';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Button, Segmented, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { CampaignStatusTag } from '../components/campaign-labels.tsx';
import {
  CAMPAIGN_STATUSES,
  type CampaignItem,
  type CampaignStatus,
  campaignKeys,
} from '../components/campaign-types.ts';
import { DemoCampaignsProgress } from '../components/demo-campaigns-progress.tsx';
import { RequirePermission } from '../components/forbidden.tsx';
import { DemoMark } from '../components/labels.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProductTag } from '../components/registry-labels.tsx';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { formatDate, formatVietnamDateTime } from '../format.ts';
import { CampaignFormDrawer } from './campaigns.form.tsx';

export function CampaignsPage() {
  return (
    <RequirePermission permission="participants.read">
      <CampaignsList />
    </RequirePermission>
  );
}

type StatusFilter = CampaignStatus | 'all';

function CampaignsList() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from its first page
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [status]);

  const query = useQuery({
    queryKey: [...campaignKeys.list, { status, paging }],
    queryFn: () =>
      api.get<List<CampaignItem>>('/campaigns', {
        status: status === 'all' ? undefined : status,
        ...toLimitOffset(paging),
      }),
    placeholderData: keepPreviousData,
  });
  const open = (c: CampaignItem) => navigate({ to: '/chien-dich/$id', params: { id: String(c.id) } });
  const period = (c: CampaignItem) => `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`;

  const columns: TableColumnsType<CampaignItem> = [
    {
      title: t('campaigns.field.name'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <div>
          <div className="cell-strong">
            {name} {c.isDemo && <DemoMark />}
          </div>
          <div className="muted">{c.theme}</div>
        </div>
      ),
    },
    { title: t('campaigns.field.period'), key: 'period', render: (_, c) => period(c) },
    {
      title: t('campaigns.field.products'),
      dataIndex: 'products',
      render: (products: CampaignItem['products']) => (
        <span className="row-actions">
          {products.map((p) => (
            <ProductTag key={p} product={p} />
          ))}
        </span>
      ),
    },
    {
      title: t('campaigns.field.launchAt'),
      dataIndex: 'launchAt',
      render: (v: string | null) => formatVietnamDateTime(v),
    },
    {
      title: t('campaigns.list.status'),
      dataIndex: 'status',
      render: (s: CampaignStatus) => <CampaignStatusTag status={s} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('campaigns.list.title')}
        subtitle={t('campaigns.list.subtitle')}
        extra={
          can('campaigns.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('campaigns.create.button')}
            </Button>
          )
        }
      />
      <DemoCampaignsProgress />
      <div className="filters">
        <Segmented<StatusFilter>
          aria-label={t('campaigns.list.status')}
          className="camp-segmented"
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t('campaigns.list.all') },
            ...CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaigns.status.${s}`) })),
          ]}
        />
      </div>
      <ResponsiveList<CampaignItem>
        label={t('campaigns.list.results')}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(c) => c.id}
        onOpen={open}
        emptyText={status === 'all' ? t('campaigns.list.empty') : t('campaigns.list.noMatch')}
        renderCard={(c) => (
          <>
            <div className="compact-title">
              <span>{c.name}</span>
              <CampaignStatusTag status={c.status} />
            </div>
            <div className="compact-meta">{period(c)}</div>
            <div className="compact-meta">
              {c.products.map((p) => t(`registry.product.${p}`)).join(' · ')}
              {c.launchAt &&
                ` · ${t('campaigns.list.launchShort', { at: formatVietnamDateTime(c.launchAt) })}`}
            </div>
          </>
        )}
      />
      {creating && (
        <CampaignFormDrawer
          onClose={() => setCreating(false)}
          onSaved={(c) => navigate({ to: '/chien-dich/$id', params: { id: String(c.id) } })}
        />
      )}
    </>
  );
}
