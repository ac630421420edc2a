import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  /** Who or what the secret belongs to, shown above it. */
  subject?: string;
  secret: string | null;
  onClose: () => void;
}

/** A new password or API token: shown once, with a copy button, never retrievable again. */
export function SecretOnce({ open, title, subject, secret, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('secret.done')}
        </Button>
      }
    >
      {subject && <Typography.Paragraph>{subject}</Typography.Paragraph>}
      <Typography.Paragraph
        className="secret-box"
        code
        copyable={{ text: secret ?? '', tooltips: [t('secret.copy'), t('secret.copied')] }}
      >
        {secret}
      </Typography.Paragraph>
      <Alert type="warning" showIcon title={t('secret.onlyOnce')} />
    </Modal>
  );
}
