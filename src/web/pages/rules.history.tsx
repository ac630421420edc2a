import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { formatDateTime } from '../format.ts';
import type { RuleChangeItem } from '../types.ts';

const KIND_COLORS: Record<string, string> = { seed: 'default', parameter: 'blue', topup: 'purple' };

/** Who changed the law parameters, when, and what: newest first. */
export function RuleHistory() {
  const { t } = useTranslation();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const query = useQuery({
    queryKey: ['rules', 'changes', paging],
    queryFn: () => api.get<List<RuleChangeItem>>('/rules/changes', toLimitOffset(paging)),
    placeholderData: keepPreviousData,
  });
  const kind = (k: string) => (
    <Tag color={KIND_COLORS[k] ?? 'default'} className="tag-inline">
      {t(`rules.kinds.${k}`, { defaultValue: k })}
    </Tag>
  );
  const columns: TableColumnsType<RuleChangeItem> = [
    { title: t('rules.at'), dataIndex: 'at', width: 150, render: formatDateTime },
    { title: t('rules.by'), dataIndex: 'username', width: 140 },
    { title: t('rules.kind'), dataIndex: 'kind', width: 160, render: kind },
    { title: t('rules.summary'), dataIndex: 'summary' },
  ];
  return (
    <ResponsiveList<RuleChangeItem>
      label={t('rules.historyResults')}
      query={query}
      paging={paging}
      onPaging={setPaging}
      columns={columns}
      rowKey={(c) => c.id}
      emptyText={t('rules.historyEmpty')}
      renderCard={(c) => (
        <>
          <div className="compact-title">
            <span>{formatDateTime(c.at)}</span>
            {kind(c.kind)}
          </div>
          <div className="compact-meta">{c.username}</div>
          <div className="compact-meta">{c.summary}</div>
        </>
      )}
    />
  );
}
