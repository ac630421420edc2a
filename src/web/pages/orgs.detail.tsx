import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { DemoMark, NetworkTag, UnitKindTag } from '../components/labels.tsx';
import { childKinds } from '../components/org-labels.ts';
import { useProvinces } from '../components/province-select.tsx';
import { EmptyState, LoadError } from '../components/query-state.tsx';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatNumber } from '../format.ts';
import type { CommuneRef, OrgDetail } from '../types.ts';
import { CreateChildModal, EditOrgModal } from './orgs.form.tsx';

interface Props {
  id: number | null;
  onOpen: (id: number) => void;
  onClose: () => void;
}

export function OrgDetailDrawer({ id, onOpen, onClose }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { can } = useAuth();
  const { names: provinceNames } = useProvinces();
  const [editing, setEditing] = useState(false);
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    queryKey: ['org-units', 'detail', id],
    queryFn: () => api.get<OrgDetail>(`/org-units/${id}`),
    enabled: id !== null,
  });
  const org = query.data;
  const manage = can('orgs.manage');

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={isMobile ? '100%' : 560}
      title={org?.name ?? t('orgs.detail')}
      loading={query.isPending && id !== null}
      extra={org?.isDemo ? <DemoMark /> : null}
    >
      {query.error ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : org ? (
        <>
          {manage && (
            <div className="drawer-actions">
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('orgs.edit')}
              </Button>
              {childKinds(org.kind).length > 0 && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t('orgs.addChild')}
                </Button>
              )}
            </div>
          )}
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'code', label: t('orgs.code'), children: org.code },
              { key: 'kind', label: t('orgs.kind'), children: t(`orgKind.${org.kind}`) },
              { key: 'network', label: t('orgs.network'), children: <NetworkTag network={org.network} /> },
              {
                key: 'province',
                label: t('orgs.province'),
                children: org.provinceCode
                  ? (provinceNames.get(org.provinceCode) ?? org.provinceCode)
                  : t('orgs.national'),
              },
              {
                key: 'parent',
                label: t('orgs.parent'),
                children: org.parent ? (
                  <Button
                    type="link"
                    className="link-cell"
                    onClick={() => org.parent && onOpen(org.parent.id)}
                  >
                    {org.parent.name}
                  </Button>
                ) : (
                  '—'
                ),
              },
              { key: 'address', label: t('orgs.address'), children: org.address || '—' },
              { key: 'phone', label: t('orgs.phone'), children: org.phone || '—' },
            ]}
          />
          <Typography.Title level={2} className="section-title">
            {t('orgs.children', { n: formatNumber(org.children.length) })}
          </Typography.Title>
          {org.children.length === 0 ? (
            <EmptyState description={t('orgs.childrenEmpty')} />
          ) : (
            <div className="compact-list">
              <ul aria-label={t('orgs.childrenLabel')}>
                {org.children.map((child) => (
                  <li key={child.id}>
                    <button type="button" className="compact-item" onClick={() => onOpen(child.id)}>
                      <div className="compact-title">
                        <span>{child.name}</span>
                        {child.isDemo && <DemoMark />}
                      </div>
                      <div className="compact-meta">
                        {t(`orgKind.${child.kind}`)} ·{' '}
                        {t('orgs.communesCount', { n: formatNumber(child.communes) })}
                      </div>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Typography.Title level={2} className="section-title">
            {t('orgs.serviceArea', { n: formatNumber(org.communes) })}
          </Typography.Title>
          <ServiceArea orgId={org.id} />
          <EditOrgModal org={editing ? org : null} onClose={() => setEditing(false)} />
          <CreateChildModal
            parent={creating ? org : null}
            onClose={() => setCreating(false)}
            onCreated={(created) => {
              setCreating(false);
              onOpen(created.id);
            }}
          />
        </>
      ) : null}
    </Drawer>
  );
}

function ServiceArea({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const query = useQuery({
    queryKey: ['org-units', 'communes', orgId, paging],
    queryFn: () => api.get<List<CommuneRef>>(`/org-units/${orgId}/communes`, toLimitOffset(paging)),
    placeholderData: keepPreviousData,
  });
  return (
    <ResponsiveList<CommuneRef>
      label={t('orgs.serviceAreaLabel')}
      query={query}
      paging={paging}
      onPaging={setPaging}
      rowKey={(c) => c.code}
      emptyText={t('orgs.serviceAreaEmpty')}
      columns={[
        { title: t('units.name'), dataIndex: 'name' },
        { title: t('units.code'), dataIndex: 'code' },
        { title: t('units.kind'), dataIndex: 'kind', render: (k: string) => <UnitKindTag kind={k} /> },
      ]}
      renderCard={(c) => (
        <div className="compact-title">
          <span>
            {c.name} <span className="muted">{c.code}</span>
          </span>
          <UnitKindTag kind={c.kind} />
        </div>
      )}
    />
  );
}
