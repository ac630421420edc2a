/**
 * The commune a person lives in. An agent picks from the communes their unit serves (the server
 * refuses any other); a national user, whose unit serves none itself, searches every commune.
 */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeSearch } from '../../domain/units/normalize.ts';
import { api, type List } from '../api.ts';
import { useUser } from '../auth.tsx';
import type { CommuneRef, UnitItem } from '../types.ts';
import type { CommuneOption } from './registry-types.ts';
import { useDebounced } from './use-debounced.ts';

/** The communes the signed-in user's unit serves (an empty list for a national unit). */
export function useServedCommunes() {
  const user = useUser();
  const query = useQuery({
    queryKey: ['registry', 'served-communes', user.orgUnit.id],
    queryFn: () => api.get<List<CommuneRef>>(`/org-units/${user.orgUnit.id}/communes`, { limit: 200 }),
    staleTime: 10 * 60_000,
  });
  const communes = useMemo<CommuneOption[]>(
    () =>
      (query.data?.items ?? []).map((c) => ({
        code: c.code,
        name: c.name,
        provinceCode: user.orgUnit.provinceCode,
      })),
    [query.data, user.orgUnit.provinceCode],
  );
  return { ...query, communes };
}

interface Props {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  /** Told the whole commune when one is chosen: the quote needs its province. */
  onPick?: (commune: CommuneOption | undefined) => void;
  id?: string;
  /** A commune already recorded, so its name shows before any search. */
  known?: CommuneOption | undefined;
}

export function CommuneSelect({ value, onChange, onPick, id, known }: Props) {
  const { t } = useTranslation();
  const served = useServedCommunes();
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 300);
  const searchAll = served.isSuccess && served.communes.length === 0;
  const remote = useQuery({
    queryKey: ['registry', 'commune-search', term],
    queryFn: () => api.get<List<UnitItem>>('/units', { level: 'commune', search: term, limit: 20 }),
    enabled: searchAll,
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const list: CommuneOption[] = searchAll
      ? (remote.data?.items ?? []).map((u) => ({
          code: u.code,
          name: `${u.name}, ${u.provinceName}`,
          provinceCode: u.provinceCode,
        }))
      : served.communes;
    if (known && !list.some((c) => c.code === known.code)) list.push(known);
    return list;
  }, [searchAll, remote.data, served.communes, known]);

  const pick = (code: string | undefined) => {
    onChange?.(code);
    onPick?.(options.find((c) => c.code === code));
  };
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => pick(v ?? undefined)}
      placeholder={searchAll ? t('common.typeToSearch') : t('registry.enroll.communePlaceholder')}
      loading={served.isPending || remote.isFetching}
      options={options.map((c) => ({ value: c.code, label: c.name, search: normalizeSearch(c.name) }))}
      showSearch={
        searchAll
          ? { filterOption: false, onSearch: setSearch, searchValue: search }
          : { filterOption: (input, option) => (option?.search ?? '').includes(normalizeSearch(input)) }
      }
      notFoundContent={served.isPending || remote.isFetching ? t('common.loading') : t('common.empty')}
      onBlur={() => setSearch('')}
    />
  );
}
