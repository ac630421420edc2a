import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Select, type TableColumnsType, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../domain/access/roles.ts';
import { api, type List } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { FilterBar } from '../components/filter-bar.tsx';
import { DemoMark } from '../components/labels.tsx';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { useDebounced } from '../components/use-debounced.ts';
import { formatDateTime } from '../format.ts';
import type { UserItem } from '../types.ts';
import { UserActions } from './users.actions.tsx';
import { UserFormModal } from './users.form.tsx';

export function UserStatus({ user }: { user: UserItem }) {
  const { t } = useTranslation();
  if (user.disabled) return <Tag color="red">{t('users.statusDisabled')}</Tag>;
  if (user.locked) return <Tag color="orange">{t('users.statusLocked')}</Tag>;
  return <Tag color="green">{t('users.statusActive')}</Tag>;
}

export function UsersTab() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('users.manage');
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const [role, setRole] = useState<Role | undefined>();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from its first page
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [search, role]);

  const query = useQuery({
    queryKey: ['users', 'list', { search, role, paging }],
    queryFn: () => api.get<List<UserItem>>('/users', { search, role, ...toLimitOffset(paging) }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<UserItem> = [
    {
      title: t('users.fullName'),
      dataIndex: 'fullName',
      render: (name: string, u) => (
        <div>
          <div className="cell-strong">
            {name} {u.isDemo && <DemoMark />}
          </div>
          <div className="muted">{u.username}</div>
        </div>
      ),
    },
    { title: t('users.role'), dataIndex: 'role', render: (r: Role) => t(`role.${r}`) },
    { title: t('users.orgUnit'), dataIndex: ['orgUnit', 'name'] },
    { title: t('users.status'), key: 'status', render: (_: unknown, u) => <UserStatus user={u} /> },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => formatDateTime(v),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, u: UserItem) => <UserActions user={u} />,
          },
        ]
      : []),
  ];

  return (
    <>
      <FilterBar
        active={role ? 1 : 0}
        extra={
          manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              className="filter-button"
            >
              {t('users.create')}
            </Button>
          )
        }
        search={
          <Input
            className="filter-wide"
            type="search"
            aria-label={t('users.search')}
            placeholder={t('users.searchPlaceholder')}
            prefix={<SearchOutlined />}
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        }
      >
        <Select<Role>
          aria-label={t('users.role')}
          placeholder={t('users.allRoles')}
          allowClear
          value={role}
          onChange={setRole}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          popupMatchSelectWidth={false}
        />
      </FilterBar>
      <ResponsiveList<UserItem>
        label={t('users.results')}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(u) => u.id}
        renderCard={(u) => (
          <>
            <div className="compact-title">
              <span>{u.fullName}</span>
              <UserStatus user={u} />
            </div>
            <div className="compact-meta">
              {u.username} · {t(`role.${u.role}`)}
            </div>
            <div className="compact-meta">
              {u.orgUnit.name}
              {u.isDemo && (
                <>
                  {' '}
                  <DemoMark />
                </>
              )}
            </div>
            {manage && (
              <div className="compact-actions">
                <UserActions user={u} />
              </div>
            )}
          </>
        )}
      />
      {creating && <UserFormModal mode="create" onClose={() => setCreating(false)} />}
    </>
  );
}
