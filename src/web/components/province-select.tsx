import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { type CSSProperties, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeSearch } from '../../domain/units/normalize.ts';
import { api, type List } from '../api.ts';
import type { UnitItem } from '../types.ts';

/** The 34 provinces change once a decade: load them once per visit. */
export function useProvinces() {
  const query = useQuery({
    queryKey: ['units', 'provinces'],
    queryFn: () => api.get<List<UnitItem>>('/units', { level: 'province', limit: 200 }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const names = useMemo(() => new Map((query.data?.items ?? []).map((p) => [p.code, p.name])), [query.data]);
  return { ...query, provinces: query.data?.items ?? [], names };
}

interface Props {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  id?: string;
  style?: CSSProperties;
}

/** Searchable with or without diacritics: "ha noi" finds "Hà Nội". */
export function ProvinceSelect({ value, onChange, id, style }: Props) {
  const { t } = useTranslation();
  const { provinces, isPending } = useProvinces();
  const options = useMemo(
    () => provinces.map((p) => ({ value: p.code, label: p.name, search: normalizeSearch(p.name) })),
    [provinces],
  );
  return (
    <Select
      id={id}
      aria-label={t('filters.province')}
      placeholder={t('filters.allProvinces')}
      allowClear
      loading={isPending}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      style={style}
      showSearch={{
        filterOption: (input, option) => (option?.search ?? '').includes(normalizeSearch(input)),
      }}
      popupMatchSelectWidth={false}
    />
  );
}
