/** What the campaign did on the ground: convoys, conferences, door-to-door groups…, each with its checklist. */
import { DeleteOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Popconfirm, Select, Skeleton, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { ActivityKindTag } from '../components/campaign-labels.tsx';
import {
  ACTIVITY_KINDS,
  type ActivityItem,
  type ActivityKind,
  type Campaign,
  type CheckItem,
  campaignKeys,
} from '../components/campaign-types.ts';
import { Checklist } from '../components/checklist.tsx';
import { errorMessage } from '../components/error-message.ts';
import { FilterBar } from '../components/filter-bar.tsx';
import { LoadError } from '../components/query-state.tsx';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatDate, formatNumber } from '../format.ts';
import { ActivityDrawer } from './campaigns.activity-form.tsx';

/** "12 đoàn · 5 ô tô · 40 xe máy · 3 xã": the figures an activity has, in words. */
function figures(a: ActivityItem, t: TFunction): string {
  const parts: [number, string][] = [
    // One entry is one of its kind unless it says more.
    [a.quantity > 1 && a.kind !== 'printed' ? a.quantity : 0, `quantity.${a.kind}`],
    [a.cars, 'cars'],
    [a.motorbikes, 'motorbikes'],
    [a.communes.length, 'communes'],
    [a.attendees, 'attendees'],
    [a.items, 'items'],
    [a.peopleReached, 'peopleReached'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, key]) => t(`campaigns.activities.figure.${key}`, { n: formatNumber(n) }))
    .join(' · ');
}

export function ActivitiesTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ActivityKind | undefined>();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const [logging, setLogging] = useState(false);
  const [checking, setChecking] = useState<ActivityItem | null>(null);
  const editable = can('activities.log');
  const key = campaignKeys.activities(campaign.id);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from its first page
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [kind]);

  const query = useQuery({
    queryKey: [...key, { kind, paging }],
    queryFn: () =>
      api.get<List<ActivityItem>>(`/campaigns/${campaign.id}/activities`, { kind, ...toLimitOffset(paging) }),
    placeholderData: keepPreviousData,
  });
  // The dashboard counts activities among its KPIs.
  const reload = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: key }),
      queryClient.invalidateQueries({ queryKey: campaignKeys.dashboard(campaign.id) }),
    ]);
  const remove = useMutation({
    mutationFn: (a: ActivityItem) => api.delete(`/activities/${a.id}`),
    onSuccess: (_d, a) => {
      void message.success(t('campaigns.activities.removed', { title: a.title }));
      return reload();
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });

  const checksButton = (a: ActivityItem) => (
    <Button
      size="small"
      icon={<SafetyCertificateOutlined />}
      aria-label={t('campaigns.activities.checklistOf', { title: a.title })}
      onClick={() => setChecking(a)}
    >
      {a.confirmed}/{a.checks}
    </Button>
  );
  const removeButton = (a: ActivityItem) =>
    editable && (
      <Popconfirm
        title={t('campaigns.activities.removeConfirm', { title: a.title })}
        okText={t('campaigns.activities.remove')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() => remove.mutateAsync(a).catch(() => undefined)}
      >
        <Button
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('campaigns.activities.removeOf', { title: a.title })}
        />
      </Popconfirm>
    );

  const columns: TableColumnsType<ActivityItem> = [
    { title: t('campaigns.activity.onDate'), dataIndex: 'onDate', render: (d: string) => formatDate(d) },
    {
      title: t('campaigns.activity.kind'),
      dataIndex: 'kind',
      render: (k: ActivityKind) => <ActivityKindTag kind={k} />,
    },
    {
      title: t('campaigns.activity.name'),
      dataIndex: 'title',
      render: (title: string, a) => (
        <div>
          <div className="cell-strong">{title}</div>
          {a.route && <div className="muted">{a.route}</div>}
        </div>
      ),
    },
    { title: t('campaigns.activity.orgUnit'), dataIndex: 'orgUnitName' },
    { title: t('campaigns.activities.figures'), key: 'figures', render: (_, a) => figures(a, t) || '—' },
    {
      title: t('campaigns.activities.checklist'),
      key: 'checks',
      render: (_, a) => (
        <span className="row-actions">
          {checksButton(a)}
          {removeButton(a)}
        </span>
      ),
    },
  ];

  return (
    <div className="camp-board">
      <FilterBar
        active={kind ? 1 : 0}
        extra={
          editable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              className="filter-button"
              onClick={() => setLogging(true)}
            >
              {t('campaigns.activities.log')}
            </Button>
          )
        }
      >
        <Select<ActivityKind>
          aria-label={t('campaigns.activity.kind')}
          placeholder={t('campaigns.activities.allKinds')}
          allowClear
          value={kind}
          onChange={(v) => setKind(v ?? undefined)}
          options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`campaigns.kind.${k}`) }))}
          popupMatchSelectWidth={false}
        />
      </FilterBar>
      <ResponsiveList<ActivityItem>
        label={t('campaigns.activities.results')}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(a) => a.id}
        emptyText={kind ? t('campaigns.activities.noMatch') : t('campaigns.activities.empty')}
        renderCard={(a) => (
          <>
            <div className="compact-title">
              <span>{a.title}</span>
              <ActivityKindTag kind={a.kind} />
            </div>
            <div className="compact-meta">
              {formatDate(a.onDate)} · {a.orgUnitName}
            </div>
            {figures(a, t) && <div className="compact-meta">{figures(a, t)}</div>}
            <div className="compact-actions">
              {checksButton(a)}
              {removeButton(a)}
            </div>
          </>
        )}
      />
      {logging && <ActivityDrawer campaign={campaign} onClose={() => setLogging(false)} onLogged={reload} />}
      {checking && (
        <ActivityChecklist activity={checking} onClose={() => setChecking(null)} onChanged={reload} />
      )}
    </div>
  );
}

function ActivityChecklist({
  activity,
  onClose,
  onChanged,
}: {
  activity: ActivityItem;
  onClose: () => void;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const key = campaignKeys.checklist(activity.id);
  const query = useQuery({
    queryKey: key,
    queryFn: () => api.get<CheckItem[]>(`/activities/${activity.id}/checklist`),
  });
  const changed = () => Promise.all([queryClient.invalidateQueries({ queryKey: key }), onChanged()]);
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('campaigns.activities.checklistTitle', { title: activity.title })}
      size={isMobile ? '100%' : 480}
    >
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : query.error ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Checklist items={query.data} owner={{ activityId: activity.id }} onChanged={changed} />
      )}
    </Drawer>
  );
}
