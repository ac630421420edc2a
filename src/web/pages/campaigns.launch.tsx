/**
 * The launch ceremony's wall: every bridge point under its parent, whether it is on air, who came,
 * how many registered since the ceremony began and how far its checklist is. Refreshed every few
 * seconds while the ceremony runs.
 */
import {
  DeleteOutlined,
  FundProjectionScreenOutlined,
  PlusOutlined,
  UndoOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  InputNumber,
  Modal,
  Popconfirm,
  Skeleton,
  Statistic,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { BridgeLevelTag } from '../components/campaign-labels.tsx';
import {
  type BridgePoint,
  type Campaign,
  campaignKeys,
  type LaunchWall,
} from '../components/campaign-types.ts';
import { Checklist, checklistProgress } from '../components/checklist.tsx';
import { errorMessage } from '../components/error-message.ts';
import { EmptyState, LoadError } from '../components/query-state.tsx';
import { formatNumber, formatVietnamDateTime, formatVietnamTime } from '../format.ts';
import { BridgeDrawer } from './campaigns.bridge-form.tsx';
import { bridgeTree, type TreeRow } from './campaigns.model.ts';

const WALL_MS = 3_000;

export function LaunchTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const key = campaignKeys.launch(campaign.id);
  const query = useQuery({
    queryKey: key,
    queryFn: () => api.get<LaunchWall>(`/campaigns/${campaign.id}/launch`),
    refetchInterval: WALL_MS,
    placeholderData: keepPreviousData,
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: key });

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  const wall = query.data;
  const rows = bridgeTree(wall.items);

  return (
    <div className="camp-board">
      <LaunchSummary wall={wall} />
      <div className="camp-section-head">
        <h2 className="camp-h2">{t('campaigns.launch.wall')}</h2>
        <div className="camp-head-actions">
          <Link to="/chien-dich/$id/man-hinh-le-ra-quan" params={{ id: String(campaign.id) }}>
            <Button icon={<FundProjectionScreenOutlined />}>{t('campaigns.launch.openWall')}</Button>
          </Link>
          {can('activities.log') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('campaigns.launch.add')}
            </Button>
          )}
        </div>
      </div>
      {rows.length === 0 ? (
        <Card>
          <EmptyState description={t('campaigns.launch.empty')} />
        </Card>
      ) : (
        <ul className="camp-wall" aria-label={t('campaigns.launch.wall')}>
          {rows.map((row) => (
            <BridgeRow key={row.item.id} row={row} onChanged={reload} />
          ))}
        </ul>
      )}
      {adding && (
        <BridgeDrawer
          campaignId={campaign.id}
          points={wall.items}
          onClose={() => setAdding(false)}
          onAdded={reload}
        />
      )}
    </div>
  );
}

function LaunchSummary({ wall }: { wall: LaunchWall }) {
  const { t } = useTranslation();
  const when = !wall.launchAt
    ? t('campaigns.launch.noTime')
    : wall.started
      ? t('campaigns.launch.startedAt', { at: formatVietnamDateTime(wall.launchAt) })
      : t('campaigns.launch.startsAt', { at: formatVietnamDateTime(wall.launchAt) });
  return (
    <section aria-label={t('campaigns.launch.summary')}>
      <Alert
        type={wall.started ? 'success' : 'info'}
        showIcon
        className="block-gap"
        title={when}
        description={t('campaigns.launch.asOf', { time: formatVietnamTime(wall.asOf) })}
      />
      <div className="stat-grid">
        <Card className="stat-card">
          <Statistic
            title={t('campaigns.launch.registrations')}
            value={wall.registrations}
            formatter={(v) => formatNumber(Number(v))}
          />
        </Card>
        <Card className="stat-card">
          <Statistic
            title={t('campaigns.launch.liveSites')}
            value={`${formatNumber(wall.live)}/${formatNumber(wall.sites)}`}
          />
        </Card>
        <Card className="stat-card">
          <Statistic
            title={t('campaigns.launch.attendance')}
            value={wall.attendance}
            formatter={(v) => formatNumber(Number(v))}
          />
        </Card>
      </div>
    </section>
  );
}

function BridgeRow({ row, onChanged }: { row: TreeRow<BridgePoint>; onChanged: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [showChecks, setShowChecks] = useState(false);
  const [checkingIn, setCheckingIn] = useState(false);
  const b = row.item;
  const onError = (error: unknown) => void message.error(errorMessage(error, t));
  const undo = useMutation({
    mutationFn: () => api.post<void>(`/bridges/${b.id}/check-in`, { live: false }),
    onSuccess: () => onChanged(),
    onError,
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/bridges/${b.id}`),
    onSuccess: () => {
      void message.success(t('campaigns.launch.removed', { name: b.name }));
      return onChanged();
    },
    onError,
  });
  const editable = can('activities.log');

  return (
    <li className={`camp-bridge depth-${Math.min(row.depth, 3)}`} aria-label={b.name}>
      <div className="camp-bridge-head">
        <span className="camp-bridge-name">{b.name}</span>
        <BridgeLevelTag level={b.level} />
        {b.liveAt ? (
          <Tag color="green" className="tag-inline">
            {t('campaigns.launch.liveSince', { time: formatVietnamTime(b.liveAt).slice(0, 5) })}
          </Tag>
        ) : (
          <Tag className="tag-inline">{t('campaigns.launch.notLive')}</Tag>
        )}
      </div>
      <div className="compact-meta">
        {b.orgUnitName} · {t(`campaigns.form.${b.form}`)}
        {b.streamUrl && (
          <>
            {' · '}
            <a href={b.streamUrl} target="_blank" rel="noreferrer">
              {t('campaigns.launch.stream')}
            </a>
          </>
        )}
      </div>
      <dl className="camp-bridge-facts">
        <div>
          <dt>{t('campaigns.launch.attendanceShort')}</dt>
          <dd>
            {formatNumber(b.attendance)}
            {b.plannedAttendance !== null && (
              <span className="muted"> / {formatNumber(b.plannedAttendance)}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('campaigns.launch.registrationsShort')}</dt>
          <dd>{formatNumber(b.registrations)}</dd>
        </div>
        <div>
          <dt>{t('campaigns.launch.checklist')}</dt>
          <dd>
            <Button
              type="link"
              size="small"
              className="camp-inline-link"
              aria-expanded={showChecks}
              onClick={() => setShowChecks(!showChecks)}
            >
              {checklistProgress(b.checklist)}
            </Button>
          </dd>
        </div>
      </dl>
      {editable && (
        <div className="compact-actions">
          {b.liveAt ? (
            <Button
              size="small"
              icon={<UndoOutlined />}
              loading={undo.isPending}
              onClick={() => undo.mutate()}
            >
              {t('campaigns.launch.undoCheckIn')}
            </Button>
          ) : (
            <Button
              size="small"
              type="primary"
              icon={<VideoCameraOutlined />}
              onClick={() => setCheckingIn(true)}
            >
              {t('campaigns.launch.checkIn')}
            </Button>
          )}
          {!row.hasChildren && (
            <Popconfirm
              title={t('campaigns.launch.removeConfirm', { name: b.name })}
              okText={t('campaigns.launch.remove')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutateAsync().catch(() => undefined)}
            >
              <Button size="small" danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t('campaigns.launch.remove')}
              </Button>
            </Popconfirm>
          )}
        </div>
      )}
      {showChecks && <Checklist items={b.checklist} owner={{ bridgeId: b.id }} onChanged={onChanged} />}
      {checkingIn && <CheckInModal bridge={b} onClose={() => setCheckingIn(false)} onDone={onChanged} />}
    </li>
  );
}

function CheckInModal({
  bridge,
  onClose,
  onDone,
}: {
  bridge: BridgePoint;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ attendance?: number | null }>();
  const checkIn = useMutation({
    mutationFn: (v: { attendance?: number | null }) =>
      // Left out when empty: the API reads a null count as 0, and "not counted yet" is not "nobody came".
      api.post<void>(`/bridges/${bridge.id}/check-in`, { live: true, attendance: v.attendance ?? undefined }),
    onSuccess: async () => {
      void message.success(t('campaigns.launch.checkedIn', { name: bridge.name }));
      onClose();
      await onDone();
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  return (
    <Modal
      open
      title={t('campaigns.launch.checkInTitle', { name: bridge.name })}
      okText={t('campaigns.launch.checkIn')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={checkIn.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        name="bridge-check-in"
        initialValues={{ attendance: bridge.plannedAttendance }}
        onFinish={(v) => checkIn.mutate(v)}
      >
        <Form.Item
          label={t('campaigns.launch.attendanceField')}
          name="attendance"
          extra={t('campaigns.launch.attendanceHint')}
        >
          <InputNumber min={0} max={10_000_000} precision={0} className="full-width" inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
