/**
 * A server-paginated list: an antd Table on desktop, a compact tappable list on phones, with the
 * same loading, empty and error states everywhere.
 */
import { Pagination, Skeleton, Table, type TableColumnsType, type TableProps } from 'antd';
import type { Key, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { List } from '../api.ts';
import { formatNumber } from '../format.ts';
import { EmptyState, LoadError } from './query-state.tsx';
import { useIsMobile } from './use-is-mobile.ts';

export interface ListQuery<T> {
  data?: List<T> | undefined;
  isPending: boolean;
  isFetching: boolean;
  error: unknown;
  refetch: () => unknown;
}

export interface Paging {
  page: number;
  pageSize: number;
}

interface Props<T> {
  query: ListQuery<T>;
  paging: Paging;
  onPaging: (paging: Paging) => void;
  columns: TableColumnsType<T>;
  rowKey: (item: T) => Key;
  renderCard: (item: T) => ReactNode;
  onOpen?: (item: T) => void;
  expandable?: TableProps<T>['expandable'];
  /** Rows that can be ticked to act on several at once (the table only). */
  rowSelection?: TableProps<T>['rowSelection'];
  label: string;
  emptyText?: string;
}

export function ResponsiveList<T extends object>(props: Props<T>) {
  const { query, paging, onPaging, label } = props;
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const items = query.data?.items ?? [];
  const total = query.data?.total ?? 0;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => query.refetch()} />;

  const showTotal = (count: number, [from, to]: [number, number]) =>
    t('common.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(count) });

  if (!isMobile) {
    return (
      <section aria-label={label}>
        <Table<T>
          size="middle"
          rowKey={props.rowKey}
          columns={props.columns}
          dataSource={items}
          loading={query.isFetching}
          expandable={props.expandable}
          rowSelection={props.rowSelection}
          locale={{ emptyText: query.isPending ? ' ' : <EmptyState description={props.emptyText} /> }}
          onRow={
            props.onOpen
              ? (item) => ({ onClick: () => props.onOpen?.(item), className: 'row-clickable' })
              : undefined
          }
          // Columns wrap to fit a laptop screen; below that width the table scrolls inside itself.
          scroll={{ x: 960 }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal,
            onChange: (page, pageSize) =>
              onPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
          }}
        />
      </section>
    );
  }

  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (items.length === 0) return <EmptyState description={props.emptyText} />;
  const from = (paging.page - 1) * paging.pageSize + 1;
  return (
    <div className={query.isFetching ? 'compact-list is-fetching' : 'compact-list'}>
      <ul aria-label={label}>
        {items.map((item) => (
          <li key={props.rowKey(item)}>
            {props.onOpen ? (
              <button type="button" className="compact-item" onClick={() => props.onOpen?.(item)}>
                {props.renderCard(item)}
              </button>
            ) : (
              <div className="compact-item">{props.renderCard(item)}</div>
            )}
          </li>
        ))}
      </ul>
      <div className="compact-pager">
        <span className="muted">{showTotal(total, [from, from + items.length - 1])}</span>
        <Pagination
          simple
          size="small"
          current={paging.page}
          pageSize={paging.pageSize}
          total={total}
          onChange={(page) => onPaging({ ...paging, page })}
        />
      </div>
    </div>
  );
}

/** Turns a page into the API's limit/offset. */
export function toLimitOffset(paging: Paging): { limit: number; offset: number } {
  return { limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize };
}
