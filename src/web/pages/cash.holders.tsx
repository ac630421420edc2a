import { BookOutlined, DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Modal, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { amountInWords } from '../../domain/law/index.ts';
import { api, type List } from '../api.ts';
import { errorMessage, fieldErrors } from '../components/error-message.ts';
import { useIdempotencyKey } from '../components/registry-api.ts';
import { AmountWithWords } from '../components/registry-labels.tsx';
import type { Balance, Holder } from '../components/registry-types.ts';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatNumber, formatVnd } from '../format.ts';
import { LedgerView } from './cash.ledger.tsx';

/** Managers: who holds cash in their area (late hand-ins first), and recording what is handed in. */
export function HoldersTab() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const [viewing, setViewing] = useState<Holder | null>(null);
  const [remitting, setRemitting] = useState<Holder | null>(null);
  const query = useQuery({
    queryKey: ['registry', 'cash', 'holders', paging],
    queryFn: () => api.get<List<Holder>>('/cash/holders', toLimitOffset(paging)),
    placeholderData: keepPreviousData,
  });

  const actions = (h: Holder) => (
    <div className="row-actions">
      <Button size="small" icon={<BookOutlined />} onClick={() => setViewing(h)}>
        {t('registry.cash.viewLedger')}
      </Button>
      {h.balance > 0 && (
        <Button size="small" type="primary" icon={<DownloadOutlined />} onClick={() => setRemitting(h)}>
          {t('registry.cash.remit')}
        </Button>
      )}
    </div>
  );
  const columns: TableColumnsType<Holder> = [
    {
      title: t('registry.cash.agent'),
      dataIndex: 'fullName',
      render: (name: string, h) => (
        <div>
          <div className="cell-strong">{name}</div>
          <div className="muted">
            {h.username} · {h.orgUnitName}
          </div>
        </div>
      ),
    },
    {
      title: t('registry.cash.balance'),
      dataIndex: 'balance',
      align: 'right',
      render: (v: number) => formatVnd(v),
    },
    {
      title: t('registry.cash.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      render: (v: number) => <span className={v > 0 ? 'reg-late' : undefined}>{formatVnd(v)}</span>,
    },
    { title: t('common.actions'), key: 'actions', render: (_: unknown, h) => actions(h) },
  ];

  return (
    <>
      <ResponsiveList<Holder>
        label={t('registry.cash.holdersTab')}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(h) => h.agentUserId}
        emptyText={t('registry.cash.noHolders')}
        renderCard={(h) => (
          <>
            <div className="compact-title">
              <span>{h.fullName}</span>
              <strong>{formatVnd(h.balance)}</strong>
            </div>
            <div className="compact-meta">{h.orgUnitName}</div>
            {h.overdue > 0 && (
              <div className="compact-meta reg-late">
                {t('registry.cash.overdueShort', { amount: formatVnd(h.overdue) })}
              </div>
            )}
            <div className="compact-actions">{actions(h)}</div>
          </>
        )}
      />
      <Drawer
        open={viewing !== null}
        onClose={() => setViewing(null)}
        title={viewing ? t('registry.cash.ledgerOf', { name: viewing.fullName }) : ''}
        size={isMobile ? '100%' : 720}
        destroyOnHidden
      >
        {viewing && <LedgerView agentUserId={viewing.agentUserId} />}
      </Drawer>
      {remitting && <RemitModal holder={remitting} onClose={() => setRemitting(null)} />}
    </>
  );
}

interface RemitValues {
  amount: number;
  reference?: string;
  note?: string;
}

function RemitModal({ holder, onClose }: { holder: Holder; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RemitValues>();
  const amount = Form.useWatch('amount', form);
  const [failure, setFailure] = useState<string | null>(null);
  const idem = useIdempotencyKey();

  const remit = useMutation({
    mutationFn: (v: RemitValues) => {
      const body = {
        agentUserId: holder.agentUserId,
        amount: v.amount,
        reference: v.reference?.trim() || undefined,
        note: v.note?.trim() || undefined,
      };
      return api.post<Balance>('/cash/remittances', body, idem.headers(body));
    },
    onSettled: (_d, error) => idem.settle(error),
    onSuccess: (balance) => {
      void queryClient.invalidateQueries({ queryKey: ['registry', 'cash'] });
      void message.success(
        t('registry.cash.remitDone', { name: holder.fullName, balance: formatVnd(balance.balance) }),
      );
      onClose();
    },
    onError: (error) => {
      const placed = fieldErrors(error);
      form.setFields(placed);
      setFailure(placed.length ? null : errorMessage(error, t));
    },
  });

  return (
    <Modal
      open
      title={t('registry.cash.remitTitle', { name: holder.fullName })}
      okText={t('registry.cash.remit')}
      cancelText={t('common.cancel')}
      confirmLoading={remit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<RemitValues>
        form={form}
        layout="vertical"
        name="remit"
        initialValues={{ amount: holder.balance }}
        onFinish={(v) =>
          modal.confirm({
            title: t('registry.cash.remitConfirm', { name: holder.fullName }),
            content: <AmountWithWords amount={v.amount} />,
            okText: t('registry.cash.remitOk'),
            cancelText: t('common.cancel'),
            onOk: () => remit.mutateAsync(v).catch(() => undefined),
          })
        }
      >
        <Alert
          type="info"
          showIcon
          className="block-gap"
          title={t('registry.cash.holds', { amount: formatVnd(holder.balance) })}
        />
        <Form.Item
          label={t('registry.cash.amount')}
          name="amount"
          extra={amount ? amountInWords(amount) : undefined}
          rules={[
            { required: true, message: t('registry.cash.amountRequired') },
            {
              validator: async (_, v: number | null) => {
                if (v && v > holder.balance) {
                  throw new Error(t('registry.cash.tooMuch', { balance: formatVnd(holder.balance) }));
                }
              },
            },
          ]}
        >
          <InputNumber<number>
            className="full-width"
            inputMode="numeric"
            min={1}
            formatter={(v) => (v === undefined || v === null ? '' : formatNumber(Number(v)))}
            parser={(text) => Number((text ?? '').replace(/\D/g, '')) || 0}
            suffix="đ"
          />
        </Form.Item>
        <Form.Item label={t('registry.cash.reference')} name="reference" rules={[{ max: 100 }]}>
          <Input placeholder={t('registry.cash.referencePlaceholder')} />
        </Form.Item>
        <Form.Item label={t('registry.cash.note')} name="note" rules={[{ max: 300 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {failure && <Alert type="error" showIcon title={failure} />}
      </Form>
    </Modal>
  );
}
