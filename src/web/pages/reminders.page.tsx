import '../registry.css';
import { RedoOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { App, Button, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { errorMessage } from '../components/error-message.ts';
import { FilterBar } from '../components/filter-bar.tsx';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProductTag } from '../components/registry-labels.tsx';
import {
  REMINDER_CHANNELS,
  REMINDER_STATUSES,
  type Reminder,
  type ReminderChannel,
  type ReminderStatus,
} from '../components/registry-types.ts';
import { announceReminder } from '../components/remind-button.tsx';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { formatDate, formatMonth, formatVietnamDateTime, formatVnd } from '../format.ts';

const STATUS_COLORS: Record<ReminderStatus, string> = {
  queued: 'blue',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
};

export function RemindersPage() {
  return (
    <RequirePermission permission="reminders.read">
      <Outbox />
    </RequirePermission>
  );
}

/** The reminders outbox: who was reminded, on which channel, with what words, and whether it went. */
function Outbox() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReminderStatus | undefined>();
  const [channel, setChannel] = useState<ReminderChannel | undefined>();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: another filter starts from page one
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [status, channel]);

  const query = useQuery({
    queryKey: ['registry', 'reminders', { status, channel, paging }],
    queryFn: () => api.get<List<Reminder>>('/reminders', { status, channel, ...toLimitOffset(paging) }),
    placeholderData: keepPreviousData,
  });
  const filtered = status !== undefined || channel !== undefined;

  const columns: TableColumnsType<Reminder> = [
    { title: t('registry.reminders.person'), key: 'who', render: (_: unknown, r) => <Recipient r={r} /> },
    {
      title: t('registry.reminders.channel'),
      dataIndex: 'channel',
      render: (c: ReminderChannel) => <ChannelTag channel={c} />,
    },
    {
      title: t('registry.reminders.message'),
      dataIndex: 'body',
      width: 360,
      render: (body: string) => <Body text={body} />,
    },
    {
      title: t('registry.reminders.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (a: number) => <strong>{formatVnd(a)}</strong>,
    },
    { title: t('registry.reminders.dueDate'), dataIndex: 'dueDate', render: (d: string) => formatDate(d) },
    {
      title: t('registry.reminders.statusLabel'),
      key: 'status',
      render: (_: unknown, r) => (
        <>
          <Delivery r={r} />
          <Resend r={r} />
        </>
      ),
    },
    {
      title: t('registry.reminders.createdAt'),
      key: 'createdAt',
      render: (_: unknown, r) => (
        <>
          {formatVietnamDateTime(r.createdAt)}
          <ByHand r={r} block />
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('registry.reminders.title')} subtitle={t('registry.reminders.subtitle')} />
      <FilterBar active={(status ? 1 : 0) + (channel ? 1 : 0)}>
        <Select<ReminderStatus>
          aria-label={t('registry.reminders.statusLabel')}
          placeholder={t('registry.reminders.allStatuses')}
          allowClear
          value={status}
          onChange={setStatus}
          options={REMINDER_STATUSES.map((s) => ({ value: s, label: t(`registry.reminders.status.${s}`) }))}
          popupMatchSelectWidth={false}
        />
        <Select<ReminderChannel>
          aria-label={t('registry.reminders.channel')}
          placeholder={t('registry.reminders.allChannels')}
          allowClear
          value={channel}
          onChange={setChannel}
          options={REMINDER_CHANNELS.map((c) => ({ value: c, label: t(`registry.reminders.channels.${c}`) }))}
          popupMatchSelectWidth={false}
        />
      </FilterBar>
      <ResponsiveList<Reminder>
        label={t('registry.reminders.list')}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(r) => r.id}
        emptyText={filtered ? t('registry.reminders.emptyFiltered') : t('registry.reminders.empty')}
        renderCard={(r) => (
          <div className="reg-reminder-card">
            <div className="compact-title">
              <Recipient r={r} />
              <Delivery r={r} />
            </div>
            <div className="compact-meta">
              <ChannelTag channel={r.channel} /> <strong>{formatVnd(r.amount)}</strong> ·{' '}
              {t('registry.reminders.due', { date: formatDate(r.dueDate) })} ·{' '}
              {formatVietnamDateTime(r.createdAt)}
              <ByHand r={r} />
            </div>
            <Body text={r.body} />
            <Resend r={r} />
          </div>
        )}
      />
    </>
  );
}

function Recipient({ r }: { r: Reminder }) {
  const { t } = useTranslation();
  return (
    <span className="reg-who">
      <ProductTag product={r.product} />{' '}
      {r.product === 'hhi' && r.householdId !== null ? (
        <Link to="/ho-gia-dinh/$id" params={{ id: String(r.householdId) }} className="cell-strong">
          {r.participant.fullName}
        </Link>
      ) : (
        <Link to="/nguoi-tham-gia/$id" params={{ id: String(r.participant.id) }} className="cell-strong">
          {r.participant.fullName}
        </Link>
      )}
      <span className="muted reg-who-id">
        {r.participant.maskedId} · {t('registry.reminders.period', { month: formatMonth(r.period) })}
      </span>
    </span>
  );
}

/** Who sent it by hand ("Nhắc đóng"), when it was not the daily job. */
function ByHand({ r, block = false }: { r: Reminder; block?: boolean }) {
  const { t } = useTranslation();
  if (!r.requestedBy) return null;
  const text = t('registry.reminders.byHand', { name: r.requestedBy.fullName });
  return block ? <div className="muted reg-reminder-note">{text}</div> : <> · {text}</>;
}

function ChannelTag({ channel }: { channel: ReminderChannel }) {
  const { t } = useTranslation();
  return (
    <Tag color={channel === 'zalo' ? 'geekblue' : 'default'} className="tag-inline">
      {t(`registry.reminders.channels.${channel}`)}
    </Tag>
  );
}

/** Whether it went: the status, when it was sent, or why it failed. */
function Delivery({ r }: { r: Reminder }) {
  const { t } = useTranslation();
  return (
    <span className="reg-reminder-status">
      <Tag color={STATUS_COLORS[r.status]} className="tag-inline">
        {t(`registry.reminders.status.${r.status}`)}
      </Tag>
      {r.sentAt && (
        <span className="muted reg-reminder-note">
          {t('registry.reminders.sentAt', { at: formatVietnamDateTime(r.sentAt) })}
        </span>
      )}
      {r.error && (
        <span className="reg-late reg-reminder-note">
          {r.error} ({t('registry.reminders.attempts', { n: r.attempts })})
        </span>
      )}
    </span>
  );
}

/**
 * "Gửi lại" on a reminder that failed every try: the server checks consent, phone and deadline
 * again and sends it with today's amount; its refusal (the deadline passed…) is shown as worded.
 */
function Resend({ r }: { r: Reminder }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const resend = useMutation({
    mutationFn: () => api.post<Reminder>(`/reminders/${r.id}/resend`, {}),
    onSuccess: (reminder) => {
      announceReminder(message, t, reminder, r.participant.fullName);
      return queryClient.invalidateQueries({ queryKey: ['registry'] });
    },
    onError: (error) => void message.error({ content: errorMessage(error, t), duration: 8 }),
  });
  if (r.status !== 'failed' || !can('payments.collect')) return null;
  return (
    <div className="reg-reminder-note">
      <Button
        size="small"
        icon={<RedoOutlined />}
        loading={resend.isPending}
        aria-label={t('registry.reminders.resendTo', { name: r.participant.fullName })}
        title={t('registry.reminders.resendHint')}
        onClick={() => resend.mutate()}
      >
        {t('registry.reminders.resend')}
      </Button>
    </div>
  );
}

/** The words the person received: two lines, the rest on a tap. */
function Body({ text }: { text: string }) {
  return (
    <Typography.Paragraph className="reg-reminder-body" ellipsis={{ rows: 2, expandable: true }}>
      {text}
    </Typography.Paragraph>
  );
}
