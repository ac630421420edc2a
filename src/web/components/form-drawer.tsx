import { Alert, Button, Drawer } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from './use-is-mobile.ts';

/**
 * A form in a side drawer (full screen on a phone): cancel and submit at the foot, and the server's
 * refusal above the fields when it is not about one field.
 */
export function FormDrawer({
  title,
  width = 560,
  submitLabel,
  pending,
  failure,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  width?: number;
  submitLabel: string;
  pending: boolean;
  failure: string | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <Drawer
      open
      onClose={onClose}
      title={title}
      size={isMobile ? '100%' : width}
      footer={
        <div className="camp-drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={pending} onClick={onSubmit}>
            {submitLabel}
          </Button>
        </div>
      }
    >
      {failure && <Alert type="error" showIcon className="block-gap" title={failure} />}
      {children}
    </Drawer>
  );
}
