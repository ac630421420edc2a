import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { errorMessage, fieldErrors } from '../components/error-message.ts';
import { RemoteSelect } from '../components/remote-select.tsx';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { rules } from '../components/rules.ts';
import { SecretOnce } from '../components/secret-once.tsx';
import { DATE_FORMAT, formatDate, formatDateTime } from '../format.ts';
import type { TokenItem, UserItem } from '../types.ts';

function TokenStatus({ token }: { token: TokenItem }) {
  const { t } = useTranslation();
  if (token.revokedAt) return <Tag color="red">{t('tokens.revoked')}</Tag>;
  if (token.expiresAt && new Date(token.expiresAt) < new Date()) return <Tag>{t('tokens.expired')}</Tag>;
  return <Tag color="green">{t('tokens.active')}</Tag>;
}

function RevokeButton({ token }: { token: TokenItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api.delete(`/tokens/${token.id}`),
    onSuccess: () => {
      void message.success(t('tokens.revokedDone', { name: token.name }));
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  if (token.revokedAt) return null;
  return (
    <Popconfirm
      title={t('tokens.revokeConfirm', { name: token.name })}
      description={t('tokens.revokeConfirmText')}
      okText={t('tokens.revoke')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onConfirm={() => revoke.mutateAsync().catch(() => undefined)}
    >
      <Button size="small" danger icon={<DeleteOutlined />} loading={revoke.isPending}>
        {t('tokens.revoke')}
      </Button>
    </Popconfirm>
  );
}

export function TokensTab() {
  const { t } = useTranslation();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    queryKey: ['tokens', paging],
    queryFn: () => api.get<List<TokenItem>>('/tokens', toLimitOffset(paging)),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<TokenItem> = [
    {
      title: t('tokens.name'),
      dataIndex: 'name',
      render: (n: string) => <span className="cell-strong">{n}</span>,
    },
    {
      title: t('tokens.prefix'),
      dataIndex: 'prefix',
      render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
    },
    { title: t('tokens.user'), dataIndex: ['user', 'username'] },
    { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: formatDateTime },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      render: (v: string | null) => (v ? formatDate(v) : t('tokens.never')),
    },
    { title: t('users.status'), key: 'status', render: (_: unknown, tk) => <TokenStatus token={tk} /> },
    { title: t('common.actions'), key: 'actions', render: (_: unknown, tk) => <RevokeButton token={tk} /> },
  ];

  return (
    <>
      <div className="filters">
        <Typography.Text type="secondary" className="filter-wide">
          {t('tokens.intro')}
        </Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          className="filter-button"
        >
          {t('tokens.create')}
        </Button>
      </div>
      <ResponsiveList<TokenItem>
        label={t('tokens.results')}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(tk) => tk.id}
        renderCard={(tk) => (
          <>
            <div className="compact-title">
              <span>{tk.name}</span>
              <TokenStatus token={tk} />
            </div>
            <div className="compact-meta">
              {tk.prefix}… · {tk.user.username}
            </div>
            <div className="compact-meta">
              {t('tokens.lastUsedAt')}: {formatDateTime(tk.lastUsedAt)}
            </div>
            <div className="compact-actions">
              <RevokeButton token={tk} />
            </div>
          </>
        )}
      />
      {creating && <CreateTokenModal onClose={() => setCreating(false)} />}
    </>
  );
}

interface Values {
  userId: number;
  name: string;
  expiresAt?: Dayjs | null;
}

function CreateTokenModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [secret, setSecret] = useState<string | null>(null);
  const r = rules(t);
  const create = useMutation({
    mutationFn: (v: Values) =>
      api.post<{ id: number; token: string }>('/tokens', {
        userId: v.userId,
        name: v.name.trim(),
        expiresAt: v.expiresAt ? v.expiresAt.endOf('day').toISOString() : undefined,
      }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
      setSecret(result.token);
    },
    onError: (error) => {
      form.setFields(fieldErrors(error));
      void message.error(errorMessage(error, t));
    },
  });

  if (secret) {
    return <SecretOnce open title={t('tokens.created')} secret={secret} onClose={onClose} />;
  }
  return (
    <Modal
      open
      title={t('tokens.createTitle')}
      okText={t('tokens.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ disabled: create.isPending }}
    >
      <Form<Values>
        form={form}
        name="token-create"
        layout="vertical"
        onFinish={(v) => create.mutate(v)}
        disabled={create.isPending}
      >
        <Form.Item
          label={t('tokens.user')}
          name="userId"
          rules={[{ required: true, message: t('form.choose') }]}
        >
          <RemoteSelect<UserItem, number>
            path="/users"
            ariaLabel={t('tokens.user')}
            toOption={(u) => ({ value: u.id, label: `${u.fullName} (${u.username})` })}
          />
        </Form.Item>
        <Form.Item
          label={t('tokens.name')}
          name="name"
          rules={[r.required(t('tokens.name')), r.max(100)]}
          extra={t('tokens.nameHint')}
        >
          <Input />
        </Form.Item>
        <Form.Item label={t('tokens.expiresAt')} name="expiresAt" extra={t('tokens.expiresHint')}>
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(new Date(), 'day')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
