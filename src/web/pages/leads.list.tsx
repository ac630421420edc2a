/** A campaign's leads: filters, the list (a table, or cards on a phone), bulk assignment, capture, lists. */
import { PlusOutlined, SearchOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Select, type TableColumnsType } from 'antd';
import { type Key, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_SOURCES } from '../../domain/leads/sources.ts';
import { LEAD_STATUSES } from '../../domain/leads/steps.ts';
import { api, type List } from '../api.ts';
import { useAuth } from '../auth.tsx';
import type { CampaignItem } from '../components/campaign-types.ts';
import { FilterBar } from '../components/filter-bar.tsx';
import { DemoMark } from '../components/labels.tsx';
import { LeadStatusTag } from '../components/lead-labels.tsx';
import { type Lead, leadKeys } from '../components/lead-types.ts';
import { RemoteSelect } from '../components/remote-select.tsx';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { useDebounced } from '../components/use-debounced.ts';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatDateTime } from '../format.ts';
import type { UserItem } from '../types.ts';
import { LeadActionsBar } from './leads.actions.tsx';
import { AssignDialog } from './leads.assign.tsx';
import { CaptureDrawer } from './leads.capture.tsx';
import { GenerateDrawer } from './leads.generate.tsx';

type StatusFilter = (typeof LEAD_STATUSES)[number] | 'open';

export function LeadsList({ campaign }: { campaign: CampaignItem }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const isMobile = useIsMobile();
  const manages = can('leads.manage');
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 300);
  const [status, setStatus] = useState<StatusFilter | undefined>();
  const [source, setSource] = useState<string | undefined>();
  const [agent, setAgent] = useState<number | undefined>();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<Key[]>([]);
  const [assigning, setAssigning] = useState<Lead[] | null>(null);
  const [capturing, setCapturing] = useState(false);
  const [generating, setGenerating] = useState(false);
  const ended = campaign.status === 'ended';

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from its first page
  useEffect(() => {
    setPaging((p) => ({ ...p, page: 1 }));
    setSelected([]);
  }, [term, status, source, agent, campaign.id]);

  const query = useQuery({
    queryKey: [...leadKeys.list(campaign.id), { term, status, source, agent, paging }],
    queryFn: () =>
      api.get<List<Lead>>('/leads', {
        campaignId: campaign.id,
        search: term,
        status,
        source,
        assignedTo: agent,
        ...toLimitOffset(paging),
      }),
    placeholderData: keepPreviousData,
  });
  const items = query.data?.items ?? [];
  const chosen = items.filter((l) => selected.includes(l.id));

  const who = (l: Lead) => (
    <div>
      <div className="cell-strong">
        {l.fullName} {l.isDemo && <DemoMark />}
      </div>
      <div className="muted">
        {[l.phone, l.commune.name].filter(Boolean).join(' · ')}
        {!l.consent && ` · ${t('leads.noConsent')}`}
      </div>
    </div>
  );
  const where = (l: Lead) =>
    [t(`leads.source.${l.source}`), l.eventTitle, t(`leads.purpose.${l.purpose}`)]
      .filter(Boolean)
      .join(' · ');

  const columns: TableColumnsType<Lead> = [
    { title: t('leads.field.fullName'), key: 'who', render: (_, l) => who(l) },
    { title: t('leads.field.source'), key: 'source', render: (_, l) => where(l) },
    {
      title: t('leads.field.status'),
      dataIndex: 'status',
      render: (s: Lead['status'], l) => (
        <div>
          <LeadStatusTag status={s} />
          {l.lostReason && <div className="muted">{t(`leads.lostReason.${l.lostReason}`)}</div>}
        </div>
      ),
    },
    {
      title: t('leads.field.assignedTo'),
      key: 'assigned',
      render: (_, l) => l.assignedTo?.fullName ?? <span className="muted">{t('leads.unassigned')}</span>,
    },
    { title: t('leads.field.updatedAt'), dataIndex: 'updatedAt', render: (d: string) => formatDateTime(d) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, l) => <LeadActionsBar lead={l} onAssign={(one) => setAssigning([one])} />,
    },
  ];

  const active = [status, source, agent].filter((v) => v !== undefined).length;
  return (
    <div className="leads-board">
      <FilterBar
        active={active}
        search={
          <Input
            className="filter-wide"
            type="search"
            prefix={<SearchOutlined />}
            allowClear
            aria-label={t('leads.search')}
            placeholder={t('leads.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        }
        extra={
          <>
            {manages && !ended && (
              <Button
                className="filter-button"
                icon={<UnorderedListOutlined />}
                onClick={() => setGenerating(true)}
              >
                {t('leads.generate.button')}
              </Button>
            )}
            {!ended && (
              <Button
                type="primary"
                className="filter-button"
                icon={<PlusOutlined />}
                onClick={() => setCapturing(true)}
              >
                {t('leads.capture.button')}
              </Button>
            )}
          </>
        }
      >
        <Select<StatusFilter>
          aria-label={t('leads.field.status')}
          placeholder={t('leads.allStatuses')}
          allowClear
          value={status}
          onChange={(v) => setStatus(v ?? undefined)}
          options={[
            { value: 'open', label: t('leads.status.open') },
            ...LEAD_STATUSES.map((s) => ({ value: s, label: t(`leads.status.${s}`) })),
          ]}
        />
        <Select<string>
          aria-label={t('leads.field.source')}
          placeholder={t('leads.allSources')}
          allowClear
          value={source}
          onChange={(v) => setSource(v ?? undefined)}
          options={LEAD_SOURCES.map((s) => ({ value: s, label: t(`leads.source.${s}`) }))}
          popupMatchSelectWidth={false}
        />
        {manages && (
          <RemoteSelect<UserItem, number>
            path="/users"
            params={{ role: 'collection_agent' }}
            ariaLabel={t('leads.field.assignedTo')}
            placeholder={t('leads.allAgents')}
            value={agent}
            onChange={setAgent}
            toOption={(u) => ({ value: u.id, label: `${u.fullName} · ${u.orgUnit.name}` })}
          />
        )}
      </FilterBar>
      {manages && !isMobile && selected.length > 0 && (
        <div className="leads-selection" role="status">
          <span>{t('leads.selected', { n: selected.length })}</span>
          <Button type="primary" onClick={() => setAssigning(chosen)}>
            {t('leads.assign.bulk', { n: selected.length })}
          </Button>
          <Button type="text" onClick={() => setSelected([])}>
            {t('leads.clearSelection')}
          </Button>
        </div>
      )}
      <ResponsiveList<Lead>
        label={t('leads.results')}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(l) => l.id}
        rowSelection={
          manages ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys) } : undefined
        }
        emptyText={active || term ? t('leads.noMatch') : manages ? t('leads.empty') : t('leads.emptyMine')}
        renderCard={(l) => (
          <div className="lead-card">
            <div className="compact-title">
              <span>{l.fullName}</span>
              <LeadStatusTag status={l.status} />
            </div>
            <div className="compact-meta">
              {[l.phone, l.commune.name].filter(Boolean).join(' · ')}
              {!l.consent && ` · ${t('leads.noConsent')}`}
            </div>
            <div className="compact-meta">{where(l)}</div>
            {manages && (
              <div className="compact-meta">
                {l.assignedTo
                  ? t('leads.assignedTo', { name: l.assignedTo.fullName })
                  : t('leads.unassigned')}
              </div>
            )}
            {l.note && <div className="compact-meta">“{l.note}”</div>}
            <LeadActionsBar lead={l} onAssign={(one) => setAssigning([one])} />
          </div>
        )}
      />
      {assigning && (
        <AssignDialog
          leads={assigning}
          onClose={() => setAssigning(null)}
          onDone={() => {
            setAssigning(null);
            setSelected([]);
          }}
        />
      )}
      {capturing && <CaptureDrawer campaign={campaign} onClose={() => setCapturing(false)} />}
      {generating && <GenerateDrawer campaign={campaign} onClose={() => setGenerating(false)} />}
    </div>
  );
}
