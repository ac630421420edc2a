import '../registry.css';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Button, Input, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import type { HouseholdItem } from '../components/registry-types.ts';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { useDebounced } from '../components/use-debounced.ts';
import { formatDate, formatMonth } from '../format.ts';
import { HouseholdCreateDrawer } from './households.form.tsx';

export function HouseholdsPage() {
  return (
    <RequirePermission permission="participants.read">
      <Households />
    </RequirePermission>
  );
}

function Households() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new search starts from its first page
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [search]);

  const query = useQuery({
    queryKey: ['registry', 'households', { search, paging }],
    queryFn: () => api.get<List<HouseholdItem>>('/households', { search, ...toLimitOffset(paging) }),
    placeholderData: keepPreviousData,
  });
  const open = (h: HouseholdItem) => navigate({ to: '/ho-gia-dinh/$id', params: { id: String(h.id) } });
  const paid = (h: HouseholdItem) =>
    h.paidThrough
      ? t('registry.list.paidThroughShort', { month: formatMonth(h.paidThrough) })
      : t('registry.list.notPaidYet');

  const columns: TableColumnsType<HouseholdItem> = [
    {
      title: t('registry.household.head'),
      dataIndex: 'headName',
      render: (name: string, h) => (
        <div>
          <div className="cell-strong">{name}</div>
          <div className="muted">{h.headPersonalId}</div>
        </div>
      ),
    },
    { title: t('registry.household.address'), dataIndex: 'address', render: (a: string | null) => a ?? '—' },
    { title: t('registry.household.members'), dataIndex: 'members' },
    { title: t('registry.list.paidThrough'), key: 'paid', render: (_: unknown, h) => paid(h) },
    { title: t('registry.list.dueDate'), dataIndex: 'dueDate', render: (d: string | null) => formatDate(d) },
  ];

  return (
    <>
      <PageHeader title={t('registry.household.title')} subtitle={t('registry.household.subtitle')} />
      <div className="filters">
        <Input
          className="filter-wide"
          type="search"
          aria-label={t('registry.household.search')}
          placeholder={t('registry.household.searchPlaceholder')}
          prefix={<SearchOutlined />}
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {can('participants.enroll') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            className="filter-button"
            onClick={() => setCreating(true)}
          >
            {t('registry.household.create')}
          </Button>
        )}
      </div>
      <ResponsiveList<HouseholdItem>
        label={t('registry.household.results')}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(h) => h.id}
        onOpen={open}
        emptyText={search ? t('registry.list.noMatch') : t('registry.household.empty')}
        renderCard={(h) => (
          <>
            <div className="compact-title">
              <span>{h.headName}</span>
              <span className="muted">{t('registry.household.memberCount', { n: h.members })}</span>
            </div>
            <div className="compact-meta">{h.address ?? h.headPersonalId}</div>
            <div className="compact-meta">
              {paid(h)}
              {h.dueDate && ` · ${t('registry.list.dueShort', { date: formatDate(h.dueDate) })}`}
            </div>
          </>
        )}
      />
      {creating && <HouseholdCreateDrawer onClose={() => setCreating(false)} />}
    </>
  );
}
