import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Segmented, type TableColumnsType, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { UnitKindTag } from '../components/labels.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProvinceSelect } from '../components/province-select.tsx';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { useDebounced } from '../components/use-debounced.ts';
import type { UnitItem } from '../types.ts';
import { UnitDetailDrawer } from './units.detail.tsx';

type Level = 'commune' | 'province';

/** Public: anyone can look up a commune, its province, who serves it and what it was before 2025. */
export function UnitsPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const [province, setProvince] = useState<string | undefined>();
  const [level, setLevel] = useState<Level>('commune');
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const [openCode, setOpenCode] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from its first page
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [search, province, level]);

  const query = useQuery({
    queryKey: ['units', 'list', { search, province, level, paging }],
    queryFn: () =>
      api.get<List<UnitItem>>('/units', {
        search,
        level,
        province: level === 'commune' ? province : undefined,
        ...toLimitOffset(paging),
      }),
    placeholderData: keepPreviousData,
  });
  // Typing "ha noi" while browsing communes also offers the province itself, one tap away.
  const provinceMatches = useQuery({
    queryKey: ['units', 'province-matches', search],
    queryFn: () => api.get<List<UnitItem>>('/units', { level: 'province', search, limit: 5 }),
    enabled: level === 'commune' && search.length >= 2 && !province,
    staleTime: 5 * 60_000,
  });

  const pickProvince = (code: string) => {
    setProvince(code);
    setText('');
  };

  const columns: TableColumnsType<UnitItem> = [
    {
      title: t('units.name'),
      dataIndex: 'name',
      render: (name: string, unit) => (
        <Button type="link" className="link-cell" onClick={() => setOpenCode(unit.code)}>
          {name}
        </Button>
      ),
    },
    { title: t('units.code'), dataIndex: 'code', width: 110 },
    {
      title: t('units.kind'),
      dataIndex: 'kind',
      width: 160,
      render: (kind: string) => <UnitKindTag kind={kind} />,
    },
    ...(level === 'commune' ? [{ title: t('units.province'), dataIndex: 'provinceName' }] : []),
  ];

  return (
    <>
      <PageHeader title={t('units.title')} subtitle={t('units.subtitle')} />
      <div className="filters">
        <Input
          className="filter-wide"
          type="search"
          enterKeyHint="search"
          aria-label={t('units.search')}
          placeholder={t(level === 'commune' ? 'units.searchPlaceholder' : 'units.searchProvincePlaceholder')}
          prefix={<SearchOutlined />}
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {level === 'commune' && <ProvinceSelect value={province} onChange={setProvince} />}
        <Segmented<Level>
          aria-label={t('units.level')}
          value={level}
          onChange={setLevel}
          options={[
            { value: 'commune', label: t('units.levelCommune') },
            { value: 'province', label: t('units.levelProvince') },
          ]}
        />
      </div>
      {level === 'commune' && !province && (provinceMatches.data?.items.length ?? 0) > 0 && (
        <div className="province-matches">
          <span className="muted">{t('units.provinceMatches')}</span>
          {provinceMatches.data?.items.map((p) => (
            <Tag.CheckableTag key={p.code} checked={false} onChange={() => pickProvince(p.code)}>
              {p.name}
            </Tag.CheckableTag>
          ))}
        </div>
      )}
      <ResponsiveList<UnitItem>
        label={t('units.results')}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(u) => u.code}
        onOpen={(u) => setOpenCode(u.code)}
        emptyText={t('units.empty')}
        renderCard={(u) => (
          <>
            <div className="compact-title">
              <span>{u.name}</span>
              <UnitKindTag kind={u.kind} />
            </div>
            <div className="compact-meta">
              {u.level === 'commune' ? `${u.provinceName} · ` : ''}
              {t('units.codeShort', { code: u.code })}
            </div>
          </>
        )}
      />
      <UnitDetailDrawer
        code={openCode}
        onClose={() => setOpenCode(null)}
        onShowCommunes={(code) => {
          setOpenCode(null);
          setLevel('commune');
          pickProvince(code);
        }}
      />
    </>
  );
}
