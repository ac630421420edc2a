import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Collapse, DatePicker, Input, Select, type TableColumnsType, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { errorMessage } from '../components/error-message.ts';
import { FilterBar } from '../components/filter-bar.tsx';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { RemoteSelect } from '../components/remote-select.tsx';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { useDebounced } from '../components/use-debounced.ts';
import { DATE_FORMAT, formatDateTime, formatNumber } from '../format.ts';
import type { AuditItem, AuditVerify, OrgItem, UserItem } from '../types.ts';
import { AuditChanges } from './audit.changes.tsx';

const ENTITIES = ['org_unit', 'org_unit_commune', 'app_user', 'api_token', 'denominator', 'system_setting'];
const ACTION_COLORS = { insert: 'green', update: 'blue', delete: 'red' } as const;

export function AuditPage() {
  return (
    <RequirePermission permission="audit.read">
      <AuditLog />
    </RequirePermission>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const [userId, setUserId] = useState<number | undefined>();
  const [orgUnitId, setOrgUnitId] = useState<number | undefined>();
  const [entity, setEntity] = useState<string | undefined>();
  const [entityIdText, setEntityIdText] = useState('');
  const entityId = useDebounced(entityIdText.trim());
  const [fromDay, setFromDay] = useState<Dayjs | null>(null);
  const [toDay, setToDay] = useState<Dayjs | null>(null);
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  // Calendar days, both inclusive: "to 05/07" means up to the end of that day.
  const from = fromDay?.format('YYYY-MM-DD');
  const to = toDay?.format('YYYY-MM-DD');

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from its first page
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [userId, orgUnitId, entity, entityId, from, to]);

  const query = useQuery({
    queryKey: ['audit', { userId, orgUnitId, entity, entityId, from, to, paging }],
    queryFn: () =>
      api.get<List<AuditItem>>('/audit', {
        userId,
        orgUnitId,
        entity,
        entityId,
        from,
        to,
        ...toLimitOffset(paging),
      }),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: () => api.post<AuditVerify>('/audit/verify') });

  const entityLabel = (e: string) => t(`entity.${e}`, { defaultValue: e });
  const columns: TableColumnsType<AuditItem> = [
    { title: t('audit.at'), dataIndex: 'at', render: formatDateTime, width: 150 },
    {
      title: t('audit.actor'),
      dataIndex: 'actor',
      render: (actor: AuditItem['actor']) =>
        actor?.username ?? <span className="muted">{t('audit.system')}</span>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (a: AuditItem['action']) => <Tag color={ACTION_COLORS[a]}>{t(`audit.actions.${a}`)}</Tag>,
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_: unknown, row) => (
        <>
          {entityLabel(row.entity)} <span className="muted">#{row.entityId}</span>
        </>
      ),
    },
    {
      title: t('audit.fields'),
      key: 'fields',
      render: (_: unknown, row) => Object.keys(row.changes ?? {}).length,
    },
    { title: 'IP', dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.data && (
        <Alert
          className="block-gap"
          showIcon
          closable={{ onClose: () => verify.reset() }}
          type={verify.data.ok ? 'success' : 'error'}
          title={
            verify.data.ok ? t('audit.verifyOk') : t('audit.verifyBroken', { id: verify.data.firstBrokenId })
          }
          description={t('audit.verifyChecked', { n: formatNumber(verify.data.checked) })}
          role="status"
        />
      )}
      {verify.error && (
        <Alert className="block-gap" type="error" showIcon title={errorMessage(verify.error, t)} />
      )}
      <FilterBar active={[userId, orgUnitId, entity, entityId, from, to].filter(Boolean).length}>
        <RemoteSelect<UserItem, number>
          path="/users"
          ariaLabel={t('audit.filterUser')}
          placeholder={t('audit.filterUser')}
          value={userId}
          onChange={setUserId}
          toOption={(u) => ({ value: u.id, label: `${u.fullName} (${u.username})` })}
        />
        <RemoteSelect<OrgItem, number>
          path="/org-units"
          ariaLabel={t('audit.filterOrg')}
          placeholder={t('audit.filterOrg')}
          value={orgUnitId}
          onChange={setOrgUnitId}
          toOption={(o) => ({ value: o.id, label: o.name })}
        />
        <Select<string>
          aria-label={t('audit.entity')}
          placeholder={t('audit.allEntities')}
          allowClear
          value={entity}
          onChange={setEntity}
          options={ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))}
          popupMatchSelectWidth={false}
        />
        <Input
          aria-label={t('audit.entityId')}
          placeholder={t('audit.entityId')}
          allowClear
          value={entityIdText}
          onChange={(e) => setEntityIdText(e.target.value)}
        />
        <DatePicker
          aria-label={t('audit.from')}
          placeholder={t('audit.from')}
          format={DATE_FORMAT}
          value={fromDay}
          onChange={setFromDay}
          disabledDate={(d) => (toDay ? d.isAfter(toDay, 'day') : false)}
        />
        <DatePicker
          aria-label={t('audit.to')}
          placeholder={t('audit.to')}
          format={DATE_FORMAT}
          value={toDay}
          onChange={setToDay}
          disabledDate={(d) => (fromDay ? d.isBefore(fromDay, 'day') : false)}
        />
      </FilterBar>
      <ResponsiveList<AuditItem>
        label={t('audit.results')}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(row) => row.id}
        expandable={{ expandedRowRender: (row) => <AuditChanges item={row} />, rowExpandable: () => true }}
        renderCard={(row) => (
          <>
            <div className="compact-title">
              <span>
                {entityLabel(row.entity)} <span className="muted">#{row.entityId}</span>
              </span>
              <Tag color={ACTION_COLORS[row.action]} className="tag-inline">
                {t(`audit.actions.${row.action}`)}
              </Tag>
            </div>
            <div className="compact-meta">
              {formatDateTime(row.at)} · {row.actor?.username ?? t('audit.system')}
            </div>
            <Collapse
              size="small"
              ghost
              items={[{ key: 'c', label: t('audit.showChanges'), children: <AuditChanges item={row} /> }]}
            />
          </>
        )}
      />
    </>
  );
}
