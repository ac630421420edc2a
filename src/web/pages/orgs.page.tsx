import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Select, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { FilterBar } from '../components/filter-bar.tsx';
import { RequirePermission } from '../components/forbidden.tsx';
import { DemoMark, NetworkTag } from '../components/labels.tsx';
import { KINDS_BY_NETWORK, NETWORKS } from '../components/org-labels.ts';
import { PageHeader } from '../components/page-header.tsx';
import { ProvinceSelect, useProvinces } from '../components/province-select.tsx';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { useDebounced } from '../components/use-debounced.ts';
import { formatNumber } from '../format.ts';
import type { Network, OrgItem, OrgKind } from '../types.ts';
import { OrgDetailDrawer } from './orgs.detail.tsx';

export function OrgsPage() {
  return (
    <RequirePermission permission="orgs.read">
      <OrgsList />
    </RequirePermission>
  );
}

function OrgsList() {
  const { t } = useTranslation();
  const { names: provinceNames } = useProvinces();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const [network, setNetwork] = useState<Network | undefined>();
  const [kind, setKind] = useState<OrgKind | undefined>();
  const [province, setProvince] = useState<string | undefined>();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<number | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from its first page
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [search, network, kind, province]);

  const query = useQuery({
    queryKey: ['org-units', 'list', { search, network, kind, province, paging }],
    queryFn: () =>
      api.get<List<OrgItem>>('/org-units', { search, network, kind, province, ...toLimitOffset(paging) }),
    placeholderData: keepPreviousData,
  });

  const kindOptions = (network ? KINDS_BY_NETWORK[network] : Object.values(KINDS_BY_NETWORK).flat()).map(
    (k) => ({
      value: k,
      label: t(`orgKind.${k}`),
    }),
  );

  const columns: TableColumnsType<OrgItem> = [
    {
      title: t('orgs.name'),
      dataIndex: 'name',
      render: (name: string, org) => (
        <>
          <Button type="link" className="link-cell" onClick={() => setOpenId(org.id)}>
            {name}
          </Button>{' '}
          {org.isDemo && <DemoMark />}
        </>
      ),
    },
    { title: t('orgs.code'), dataIndex: 'code' },
    { title: t('orgs.kind'), dataIndex: 'kind', render: (k: OrgKind) => t(`orgKind.${k}`) },
    { title: t('orgs.network'), dataIndex: 'network', render: (n: Network) => <NetworkTag network={n} /> },
    {
      title: t('orgs.province'),
      dataIndex: 'provinceCode',
      render: (code: string | null) => (code ? (provinceNames.get(code) ?? code) : t('orgs.national')),
    },
    {
      title: t('orgs.communes'),
      dataIndex: 'communes',
      align: 'right',
      render: (n: number) => formatNumber(n),
    },
  ];

  return (
    <>
      <PageHeader title={t('orgs.title')} subtitle={t('orgs.subtitle')} />
      <FilterBar
        active={[network, kind, province].filter(Boolean).length}
        search={
          <Input
            className="filter-wide"
            type="search"
            aria-label={t('orgs.search')}
            placeholder={t('orgs.searchPlaceholder')}
            prefix={<SearchOutlined />}
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        }
      >
        <Select<Network>
          aria-label={t('orgs.network')}
          placeholder={t('orgs.allNetworks')}
          allowClear
          value={network}
          onChange={(n) => {
            setNetwork(n);
            if (kind && n && !KINDS_BY_NETWORK[n].includes(kind)) setKind(undefined);
          }}
          options={NETWORKS.map((n) => ({ value: n, label: t(`network.${n}`) }))}
        />
        <Select<OrgKind>
          aria-label={t('orgs.kind')}
          placeholder={t('orgs.allKinds')}
          allowClear
          value={kind}
          onChange={setKind}
          options={kindOptions}
          popupMatchSelectWidth={false}
        />
        <ProvinceSelect value={province} onChange={setProvince} />
      </FilterBar>
      <ResponsiveList<OrgItem>
        label={t('orgs.results')}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(o) => o.id}
        onOpen={(o) => setOpenId(o.id)}
        renderCard={(o) => (
          <>
            <div className="compact-title">
              <span>{o.name}</span>
              <NetworkTag network={o.network} />
            </div>
            <div className="compact-meta">
              {t(`orgKind.${o.kind}`)} ·{' '}
              {o.provinceCode ? (provinceNames.get(o.provinceCode) ?? o.provinceCode) : t('orgs.national')}
            </div>
            <div className="compact-meta">
              {o.code} · {t('orgs.communesCount', { n: formatNumber(o.communes) })}
              {o.isDemo && (
                <>
                  {' '}
                  <DemoMark />
                </>
              )}
            </div>
          </>
        )}
      />
      <OrgDetailDrawer id={openId} onOpen={setOpenId} onClose={() => setOpenId(null)} />
    </>
  );
}
