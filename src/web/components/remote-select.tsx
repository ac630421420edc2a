/**
 * A Select whose options come from the server as the user types: org units, users, communes.
 * The current value keeps its label even when it is not among the latest search results.
 */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { type CSSProperties, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type List, type Query } from '../api.ts';
import { useDebounced } from './use-debounced.ts';

export interface Option<V> {
  value: V;
  label: string;
}

interface Props<T, V extends string | number> {
  path: string;
  params?: Query;
  toOption: (item: T) => Option<V>;
  /** Labels of values already chosen, so they show before any search. */
  known?: Option<V>[];
  id?: string;
  ariaLabel: string;
  placeholder?: string;
  style?: CSSProperties;
  className?: string;
  allowClear?: boolean;
  disabled?: boolean;
}

interface Single<V> {
  mode?: undefined;
  value?: V | undefined;
  onChange?: (value: V | undefined) => void;
}
interface Multiple<V> {
  mode: 'multiple';
  value?: V[] | undefined;
  onChange?: (value: V[]) => void;
}

export function RemoteSelect<T, V extends string | number>(props: Props<T, V> & (Single<V> | Multiple<V>)) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 300);
  const query = useQuery({
    queryKey: ['remote-select', props.path, props.params, term],
    queryFn: () => api.get<List<T>>(props.path, { ...props.params, search: term, limit: 20 }),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const found = (query.data?.items ?? []).map(props.toOption);
    const seen = new Set(found.map((o) => o.value));
    return [...found, ...(props.known ?? []).filter((o) => !seen.has(o.value))];
  }, [query.data, props.toOption, props.known]);

  const common = {
    id: props.id,
    'aria-label': props.ariaLabel,
    placeholder: props.placeholder ?? t('common.typeToSearch'),
    style: props.style,
    className: props.className,
    disabled: props.disabled,
    allowClear: props.allowClear ?? true,
    loading: query.isFetching,
    options,
    showSearch: { filterOption: false as const, onSearch: setSearch, searchValue: search },
    notFoundContent: query.isFetching ? t('common.loading') : t('common.empty'),
    popupMatchSelectWidth: false,
    onBlur: () => setSearch(''),
  };
  if (props.mode === 'multiple') {
    const { onChange } = props;
    return <Select<V[]> {...common} mode="multiple" value={props.value} onChange={(v) => onChange?.(v)} />;
  }
  const { onChange } = props;
  return <Select<V> {...common} value={props.value} onChange={(v) => onChange?.(v ?? undefined)} />;
}
