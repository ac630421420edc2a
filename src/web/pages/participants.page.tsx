import '../registry.css';
import { SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Alert, Button, Input, Select, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUSES, type Status } from '../../domain/registry/periods.ts';
import { classifySearch } from '../../domain/registry/personal-id.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { FilterBar } from '../components/filter-bar.tsx';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { StatusTag } from '../components/registry-labels.tsx';
import type { ParticipantItem, ParticipantList } from '../components/registry-types.ts';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { useDebounced } from '../components/use-debounced.ts';
import { formatDate, formatMonth, formatNumber } from '../format.ts';

export function ParticipantsPage() {
  return (
    <RequirePermission permission="participants.read">
      <ParticipantsList />
    </RequirePermission>
  );
}

function ParticipantsList() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const initial = useSearch({ from: '/shell/nguoi-tham-gia' });
  const [text, setText] = useState(initial.q ?? '');
  const search = useDebounced(text.trim());
  const [status, setStatus] = useState<Status | undefined>();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from its first page
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [search, status]);

  const query = useQuery({
    queryKey: ['registry', 'participants', { search, status, paging }],
    queryFn: () => api.get<ParticipantList>('/participants', { search, status, ...toLimitOffset(paging) }),
    placeholderData: keepPreviousData,
  });
  const kind = search ? classifySearch(search).kind : null;
  const open = (p: ParticipantItem) => navigate({ to: '/nguoi-tham-gia/$id', params: { id: String(p.id) } });

  const columns: TableColumnsType<ParticipantItem> = [
    {
      title: t('registry.field.fullName'),
      dataIndex: 'fullName',
      render: (name: string, p) => (
        <div>
          <div className="cell-strong">{name}</div>
          <div className="muted">{p.personalId}</div>
        </div>
      ),
    },
    { title: t('registry.field.birthDate'), dataIndex: 'birthDate', render: (d: string) => formatDate(d) },
    { title: t('registry.field.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: t('registry.list.unit'), dataIndex: ['orgUnit', 'name'] },
    {
      title: t('registry.list.status'),
      dataIndex: 'status',
      render: (s: Status | null) => <StatusTag status={s} />,
    },
    {
      title: t('registry.list.paidThrough'),
      dataIndex: 'paidThrough',
      render: (m: string | null) => (m ? formatMonth(m) : '—'),
    },
    { title: t('registry.list.dueDate'), dataIndex: 'dueDate', render: (d: string | null) => formatDate(d) },
  ];

  return (
    <>
      <PageHeader
        title={t('registry.list.title')}
        subtitle={t('registry.list.subtitle')}
        extra={
          can('participants.enroll') && (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => navigate({ to: '/nguoi-tham-gia/dang-ky' })}
            >
              {t('registry.list.enroll')}
            </Button>
          )
        }
      />
      <FilterBar
        active={status ? 1 : 0}
        search={
          <Input
            className="filter-wide"
            type="search"
            aria-label={t('registry.list.search')}
            placeholder={t('registry.list.searchPlaceholder')}
            prefix={<SearchOutlined />}
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        }
      >
        <Select<Status>
          aria-label={t('registry.list.status')}
          placeholder={t('registry.list.allStatuses')}
          allowClear
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`registry.status.${s}`) }))}
          popupMatchSelectWidth={false}
        />
      </FilterBar>
      {kind && kind !== 'name' && (
        <div className="muted block-gap">{t(`registry.list.searchingBy.${kind}`)}</div>
      )}
      {query.data?.capped && (
        <Alert
          type="info"
          showIcon
          className="block-gap"
          title={t('registry.list.capped', { n: formatNumber(query.data.total) })}
        />
      )}
      <ResponsiveList<ParticipantItem>
        label={t('registry.list.results')}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(p) => p.id}
        onOpen={open}
        emptyText={search ? t('registry.list.noMatch') : t('registry.list.empty')}
        renderCard={(p) => (
          <>
            <div className="compact-title">
              <span>{p.fullName}</span>
              <StatusTag status={p.status} />
            </div>
            <div className="compact-meta">
              {p.personalId} · {formatDate(p.birthDate)}
            </div>
            <div className="compact-meta">
              {p.paidThrough
                ? t('registry.list.paidThroughShort', { month: formatMonth(p.paidThrough) })
                : t('registry.list.notPaidYet')}
              {p.dueDate && ` · ${t('registry.list.dueShort', { date: formatDate(p.dueDate) })}`}
            </div>
          </>
        )}
      />
    </>
  );
}
