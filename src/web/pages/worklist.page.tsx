import '../registry.css';
import { PhoneOutlined, WalletOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { Button, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayNumber } from '../../domain/law/index.ts';
import { addMonths } from '../../domain/law/law.calendar.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProductTag, telHref } from '../components/registry-labels.tsx';
import { BUCKETS, type Bucket, type WorkItem, type Worklist } from '../components/registry-types.ts';
import { RemindButton, remindable } from '../components/remind-button.tsx';
import { RemoteSelect } from '../components/remote-select.tsx';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { formatDate, formatMonth, formatNumber, formatVnd, vietnamToday } from '../format.ts';
import type { UserItem } from '../types.ts';

export function WorklistPage() {
  return (
    <RequirePermission permission="participants.read">
      <Work />
    </RequirePermission>
  );
}

function Work() {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const pickAgent = can('users.read') && user?.role !== 'collection_agent';
  const [agentUserId, setAgentUserId] = useState<number | undefined>();
  // The bucket is in the address, so the home page can open one and Back returns to it.
  const chosen = useSearch({ from: '/shell/viec-can-lam' }).nhom ?? null;
  const navigate = useNavigate({ from: '/viec-can-lam' });
  const setChosen = (nhom: Bucket) => navigate({ search: { nhom }, replace: true });
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });

  // The counts come with any page: ask once for them, then open the first tab with someone in it.
  const counts = useQuery({
    queryKey: ['registry', 'worklist', 'counts', agentUserId],
    queryFn: () => api.get<Worklist>('/worklist', { agentUserId, limit: 1 }),
  });
  const bucket: Bucket = chosen ?? BUCKETS.find((b) => (counts.data?.counts[b] ?? 0) > 0) ?? 'due_0';
  // biome-ignore lint/correctness/useExhaustiveDependencies: another tab or agent starts from page one
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [bucket, agentUserId]);

  const query = useQuery({
    queryKey: ['registry', 'worklist', { bucket, agentUserId, paging }],
    queryFn: () => api.get<Worklist>('/worklist', { bucket, agentUserId, ...toLimitOffset(paging) }),
    placeholderData: keepPreviousData,
    enabled: !counts.isPending,
  });
  const tally = query.data?.counts ?? counts.data?.counts;

  const columns: TableColumnsType<WorkItem> = [
    {
      title: t('registry.field.fullName'),
      key: 'who',
      render: (_: unknown, w) => <Who w={w} />,
    },
    { title: t('registry.work.next'), key: 'next', render: (_: unknown, w) => <NextPeriod w={w} /> },
    {
      title: t('registry.work.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (a: number | null) => <strong>{a === null ? '—' : formatVnd(a)}</strong>,
    },
    { title: t('common.actions'), key: 'actions', render: (_: unknown, w) => <WorkActions w={w} /> },
  ];

  return (
    <>
      <PageHeader title={t('registry.work.title')} subtitle={t('registry.work.subtitle')} />
      {pickAgent && (
        <div className="filters">
          <RemoteSelect<UserItem, number>
            path="/users"
            params={{ role: 'collection_agent' }}
            ariaLabel={t('registry.work.agent')}
            placeholder={t('registry.work.allAgents')}
            value={agentUserId}
            onChange={setAgentUserId}
            toOption={(u) => ({ value: u.id, label: `${u.fullName} · ${u.orgUnit.name}` })}
          />
        </div>
      )}
      <div className="reg-buckets" role="tablist" aria-label={t('registry.work.title')}>
        {BUCKETS.map((b) => (
          <button
            key={b}
            type="button"
            role="tab"
            aria-selected={b === bucket}
            className={`reg-bucket is-${b}${b === bucket ? ' is-active' : ''}`}
            onClick={() => setChosen(b)}
          >
            <span className="reg-bucket-count">{tally ? formatNumber(tally[b]) : '…'}</span>
            <span className="reg-bucket-label">{t(`registry.bucket.${b}`)}</span>
          </button>
        ))}
      </div>
      <ResponsiveList<WorkItem>
        label={t('registry.work.results', { bucket: t(`registry.bucket.${bucket}`) })}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(w) => `${w.product}-${w.id}`}
        emptyText={t(`registry.work.empty.${bucket}`)}
        renderCard={(w) => (
          <div className="reg-work-card">
            <div className="compact-title">
              <Who w={w} />
              <strong className="reg-work-amount">{w.amount === null ? '—' : formatVnd(w.amount)}</strong>
            </div>
            <NextPeriod w={w} />
            <WorkActions w={w} />
          </div>
        )}
      />
    </>
  );
}

function Who({ w }: { w: WorkItem }) {
  return (
    <span className="reg-who">
      <ProductTag product={w.product} />{' '}
      {w.product === 'vsi' ? (
        <Link to="/nguoi-tham-gia/$id" params={{ id: String(w.participantId) }} className="cell-strong">
          {w.fullName}
        </Link>
      ) : (
        <Link to="/ho-gia-dinh/$id" params={{ id: String(w.id) }} className="cell-strong">
          {w.fullName}
        </Link>
      )}
      <span className="muted reg-who-id">
        {w.personalId}
        {w.phone ? ` · ${w.phone}` : ''}
      </span>
    </span>
  );
}

function NextPeriod({ w }: { w: WorkItem }) {
  const { t } = useTranslation();
  const days = dayNumber(w.dueDate) - dayNumber(vietnamToday());
  const next = w.nextMonth ?? (w.paidThrough ? addMonths(w.paidThrough, 1) : null);
  const when =
    days > 0
      ? t('registry.work.inDays', { n: days })
      : days === 0
        ? t('registry.work.today')
        : t('registry.work.daysLate', { n: -days });
  return (
    <div className="compact-meta">
      {next && `${t('registry.work.nextMonth', { month: formatMonth(next) })} · `}
      {w.product === 'hhi'
        ? `${t('registry.work.hhiMonths', { n: w.mode })} · `
        : `${t(`registry.mode.${w.mode}`, { defaultValue: w.mode })} · `}
      <span className={days < 0 ? 'reg-late' : undefined}>
        {t('registry.work.due', { date: formatDate(w.dueDate) })} ({when})
      </span>
    </div>
  );
}

function WorkActions({ w }: { w: WorkItem }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const pay = () =>
    w.product === 'vsi'
      ? navigate({ to: '/nguoi-tham-gia/$id/thu-tien', params: { id: String(w.participantId) } })
      : navigate({ to: '/ho-gia-dinh/$id', params: { id: String(w.id) }, search: { thu: 1 } });
  return (
    <div className="compact-actions">
      {w.phone && (
        <Button
          icon={<PhoneOutlined />}
          href={telHref(w.phone)}
          aria-label={t('registry.work.callWho', { name: w.fullName })}
        >
          {t('registry.profile.call')}
        </Button>
      )}
      {remindable(w.dueDate) && (
        <RemindButton
          path={w.product === 'vsi' ? `/participants/${w.participantId}` : `/households/${w.id}`}
          who={w.fullName}
          consent={w.contactConsent}
          phone={w.phone}
        />
      )}
      {can('payments.collect') && (
        <Button
          type="primary"
          icon={<WalletOutlined />}
          onClick={pay}
          aria-label={t('registry.work.payWho', { name: w.fullName })}
        >
          {t('registry.work.pay')}
        </Button>
      )}
    </div>
  );
}
