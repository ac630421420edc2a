import { useNavigate } from '@tanstack/react-router';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../domain/access/roles.ts';
import { useAuth } from '../auth.tsx';

/** Renders the page only for roles holding the permission; the server checks again anyway. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  if (can(permission)) return children;
  return <Forbidden />;
}

export function Forbidden() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.text')}
      extra={
        <Button type="primary" onClick={() => navigate({ to: '/' })}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
