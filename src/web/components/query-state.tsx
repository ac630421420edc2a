import { ReloadOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link, type LinkProps } from '@tanstack/react-router';
import { Alert, Button, Empty, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { errorMessage } from './error-message.ts';

export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={errorMessage(error, t)}
      action={
        <Button size="small" icon={<ReloadOutlined />} onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}

export function EmptyState({ description }: { description?: string }) {
  const { t } = useTranslation();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('common.empty')} />;
}

/**
 * One record's page while it loads: a skeleton, then the record; "not found" with the way back to
 * its list when the server says it is not there (or not the caller's); any other failure with a retry.
 */
export function RecordQuery<T>({
  query,
  notFound,
  back,
  children,
}: {
  query: UseQueryResult<T>;
  notFound: string;
  back: { to: LinkProps['to']; label: string };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.error) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <Result
          status="404"
          title={notFound}
          subTitle={query.error.message}
          extra={
            <Link to={back.to}>
              <Button type="primary">{back.label}</Button>
            </Link>
          }
        />
      );
    }
    return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  }
  return <>{children(query.data as T)}</>;
}
