import { useNavigate } from '@tanstack/react-router';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Brand } from '../shell/brand.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="center-screen">
      <Brand />
      <Result
        status="404"
        title={t('notFound.title')}
        subTitle={t('notFound.text')}
        extra={
          <Button type="primary" onClick={() => void navigate({ to: '/' })}>
            {t('common.backHome')}
          </Button>
        }
      />
    </div>
  );
}
