import { CloseCircleOutlined, PrinterOutlined, ShareAltOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { errorMessage } from '../components/error-message.ts';
import { registryKeys, useIdempotencyKey } from '../components/registry-api.ts';
import type { Receipt } from '../components/registry-types.ts';
import { formatVnd } from '../format.ts';

const canShareFiles = () => typeof navigator.canShare === 'function';

/** Print (the A5 PDF), share (the PDF itself where the phone can, else the link), void (managers). */
export function ReceiptActions({ r }: { r: Receipt }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [voiding, setVoiding] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  // The citizen has no account: what is shared is the signed link, never the signed-in one.
  const htmlUrl = new URL(r.share.html, window.location.origin).href;
  // A phone that can share files gets the PDF ready before the tap: the share sheet must open
  // within the tap's user activation, so there is no time to download it then.
  const pdf = useQuery({
    queryKey: ['registry', 'receipt-pdf', r.number, r.voided?.at ?? null],
    queryFn: async () => {
      const response = await fetch(r.links.pdf, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      return new File([await response.blob()], `${r.number}.pdf`, { type: 'application/pdf' });
    },
    enabled: canShareFiles(),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

  const share = async () => {
    const title = t('registry.receipt.shareTitle', { number: r.number });
    const text = t('registry.receipt.shareText', {
      name: r.participant.fullName,
      amount: formatVnd(r.total),
      number: r.number,
    });
    try {
      if (pdf.data && navigator.canShare?.({ files: [pdf.data] })) {
        await navigator.share({ files: [pdf.data], title, text });
        return;
      }
      if (typeof navigator.share === 'function') {
        await navigator.share({ title, text, url: htmlUrl });
        return;
      }
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
    }
    try {
      await navigator.clipboard.writeText(htmlUrl);
      void message.success(t('registry.receipt.copied'));
    } catch {
      // No clipboard on a plain-HTTP page: show the link to copy by hand.
      setLink(htmlUrl);
    }
  };

  return (
    <div className="reg-receipt-actions">
      <Button type="primary" icon={<PrinterOutlined />} href={r.links.pdf} target="_blank" rel="noopener">
        {t('registry.receipt.print')}
      </Button>
      <Button icon={<ShareAltOutlined />} onClick={() => void share()}>
        {t('registry.receipt.share')}
      </Button>
      {can('payments.void') && !r.voided && (
        <Button danger icon={<CloseCircleOutlined />} onClick={() => setVoiding(true)}>
          {t('registry.receipt.void')}
        </Button>
      )}
      {voiding && <VoidModal r={r} onClose={() => setVoiding(false)} />}
      <Modal
        open={link !== null}
        title={t('registry.receipt.share')}
        footer={null}
        onCancel={() => setLink(null)}
      >
        <Typography.Paragraph>{t('registry.receipt.copyByHand')}</Typography.Paragraph>
        <Typography.Paragraph code copyable className="reg-link-box">
          {link}
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}

function VoidModal({ r, onClose }: { r: Receipt; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const idem = useIdempotencyKey();

  const voidIt = useMutation({
    mutationFn: (reason: string) => {
      const body = { reason: reason.trim() };
      return api.post<Omit<Receipt, 'links' | 'share'>>(
        `/receipts/${r.number}/void`,
        body,
        idem.headers(body),
      );
    },
    onSettled: (_d, error) => idem.settle(error),
    onSuccess: (view) => {
      queryClient.setQueryData(registryKeys.receipt(r.number), { ...view, links: r.links, share: r.share });
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
      void message.success(t('registry.receipt.voidDone', { number: r.number }));
      onClose();
    },
    onError: (error) => setFailure(errorMessage(error, t)),
  });

  return (
    <Modal
      open
      title={t('registry.receipt.voidTitle', { number: r.number })}
      okText={t('registry.receipt.void')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={voidIt.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name="receipt-void"
        onFinish={({ reason }) =>
          modal.confirm({
            title: t('registry.receipt.voidConfirm', { number: r.number, amount: formatVnd(r.total) }),
            content: t('registry.receipt.voidConfirmText'),
            okText: t('registry.receipt.void'),
            okButtonProps: { danger: true },
            cancelText: t('common.cancel'),
            onOk: () => voidIt.mutateAsync(reason).catch(() => undefined),
          })
        }
      >
        <Alert type="warning" showIcon className="block-gap" title={t('registry.receipt.voidWarning')} />
        <Form.Item
          label={t('registry.receipt.voidReasonLabel')}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: t('registry.receipt.voidReasonRequired') },
            { min: 3, message: t('form.min', { n: 3 }) },
            { max: 300, message: t('form.max', { n: 300 }) },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        {failure && <Alert type="error" showIcon title={failure} />}
      </Form>
    </Modal>
  );
}
