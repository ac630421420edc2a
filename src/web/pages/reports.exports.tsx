/** My exports: live progress while they run, the file when done, the reason when they failed. */
import { DeleteOutlined, DownloadOutlined, RedoOutlined, StopOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Progress, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { useUser } from '../auth.tsx';
import type { CampaignItem } from '../components/campaign-types.ts';
import { errorMessage } from '../components/error-message.ts';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { formatDate, formatNumber, formatVietnamDateTime } from '../format.ts';
import { useStartExport } from './reports.form.tsx';
import { type ExportItem, isUnderWay, reportKeys, reportTitle } from './reports.model.ts';

const STATUS_COLORS = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
  cancelled: 'default',
};

function StatusCell({ item }: { item: ExportItem }) {
  const { t } = useTranslation();
  const label = t(`reports.status.${item.status}`);
  if (item.status === 'running' || item.status === 'queued') {
    const percent = Math.floor((item.progress ?? 0) * 100);
    return (
      <div className="reports-progress">
        <Progress percent={percent} size="small" status="active" aria-label={`${label} ${percent}%`} />
        <span className="muted">
          {label}
          {item.rowsTotal !== null &&
            ` · ${t('reports.list.rowsOf', { done: formatNumber(item.rowsDone), total: formatNumber(item.rowsTotal) })}`}
        </span>
      </div>
    );
  }
  return (
    <div>
      <Tag color={STATUS_COLORS[item.status]}>{label}</Tag>
      {item.status === 'done' && (
        <span className="muted">{t('reports.list.rows', { n: formatNumber(item.rowsDone) })}</span>
      )}
      {item.status === 'failed' && item.error && (
        <Typography.Paragraph type="danger" className="reports-error">
          {item.error}
        </Typography.Paragraph>
      )}
    </div>
  );
}

export function ExportsList({ campaigns }: { campaigns: CampaignItem[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // An administrator's list holds everyone's exports, as the server lists them.
  const everyone = useUser().role === 'system_admin';
  const client = useQueryClient();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const again = useStartExport();
  const names = new Map(campaigns.map((c) => [c.id, c.name]));

  const query = useQuery({
    queryKey: [...reportKeys.exports, paging],
    queryFn: () => api.get<List<ExportItem>>('/reports/exports', toLimitOffset(paging)),
    placeholderData: keepPreviousData,
    // Poll while something runs, so the bar moves and the link appears without a reload.
    refetchInterval: (q) => (q.state.data?.items.some((i) => isUnderWay(i.status)) ? 1_000 : false),
  });
  const remove = useMutation({
    mutationFn: (item: ExportItem) => api.delete(`/reports/exports/${item.id}`),
    onSuccess: async (_d, item) => {
      void message.success(isUnderWay(item.status) ? t('reports.list.cancelled') : t('reports.list.removed'));
      await client.invalidateQueries({ queryKey: reportKeys.exports });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });

  const title = (item: ExportItem) => reportTitle(t, item.kind, item.params.groupBy);
  const summary = (item: ExportItem) => {
    const p = item.params;
    const parts = [
      p.campaignId && t('reports.params.campaign', { name: names.get(p.campaignId) ?? `#${p.campaignId}` }),
      p.product && t(`registry.product.${p.product}`),
      (p.from || p.to) &&
        t('reports.params.period', {
          from: p.from ? formatDate(p.from) : '…',
          to: p.to ? formatDate(p.to) : '…',
        }),
      p.asOf && t('reports.params.asOf', { date: formatDate(p.asOf) }),
      p.scopeUnitId && t('reports.params.unit'),
    ];
    return parts.filter(Boolean).join(' · ');
  };

  const actions = (item: ExportItem) => (
    <span className="row-actions">
      {item.downloadUrl && (
        <Button
          size="small"
          type="primary"
          icon={<DownloadOutlined />}
          href={item.downloadUrl}
          download={item.fileName ?? true}
          aria-label={t('reports.list.downloadFile', { name: item.fileName })}
        >
          {t('reports.list.download')}
        </Button>
      )}
      {(item.status === 'failed' || item.status === 'cancelled') && (
        <Button
          size="small"
          icon={<RedoOutlined />}
          loading={again.isPending && again.variables?.params === item.params}
          onClick={() =>
            again.mutate(
              { kind: item.kind, format: item.format, params: item.params },
              { onError: (error) => void message.error(errorMessage(error, t)) },
            )
          }
        >
          {t('reports.list.again')}
        </Button>
      )}
      <Popconfirm
        title={isUnderWay(item.status) ? t('reports.list.cancelConfirm') : t('reports.list.removeConfirm')}
        okText={isUnderWay(item.status) ? t('reports.list.cancel') : t('reports.list.remove')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() => remove.mutateAsync(item).catch(() => undefined)}
      >
        <Button size="small" danger icon={isUnderWay(item.status) ? <StopOutlined /> : <DeleteOutlined />}>
          {isUnderWay(item.status) ? t('reports.list.cancel') : t('reports.list.remove')}
        </Button>
      </Popconfirm>
    </span>
  );

  const columns: TableColumnsType<ExportItem> = [
    {
      title: t('reports.list.report'),
      key: 'report',
      render: (_, item) => (
        <div>
          <div className="cell-strong">{title(item)}</div>
          <div className="muted">{summary(item)}</div>
        </div>
      ),
    },
    {
      title: t('reports.list.format'),
      dataIndex: 'format',
      width: 90,
      render: (f: string) => <Tag>{f.toUpperCase()}</Tag>,
    },
    {
      title: t('reports.list.status'),
      key: 'status',
      width: 260,
      render: (_, item) => <StatusCell item={item} />,
    },
    {
      title: t('reports.list.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => formatVietnamDateTime(at),
    },
    ...(everyone
      ? [
          {
            title: t('reports.list.by'),
            key: 'by',
            render: (_: unknown, item: ExportItem) => item.requestedBy.fullName,
          },
        ]
      : []),
    { title: t('common.actions'), key: 'actions', render: (_, item) => actions(item) },
  ];

  return (
    <section className="reports-list">
      <Typography.Title level={2} className="section-title">
        {everyone ? t('reports.list.headingAll') : t('reports.list.heading')}
      </Typography.Title>
      <ResponsiveList<ExportItem>
        label={t('reports.list.label')}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(item) => item.id}
        emptyText={t('reports.list.empty')}
        renderCard={(item) => (
          <>
            <div className="compact-title">
              <span>{title(item)}</span>
              <Tag>{item.format.toUpperCase()}</Tag>
            </div>
            <div className="compact-meta">
              {[summary(item), formatVietnamDateTime(item.createdAt)].filter(Boolean).join(' · ')}
            </div>
            <StatusCell item={item} />
            <div className="compact-actions">{actions(item)}</div>
          </>
        )}
      />
    </section>
  );
}
