import { useQuery } from '@tanstack/react-query';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { systemQuery } from '../auth.tsx';

/** Shown on every screen while the server runs with demo data, so no one mistakes it for real. */
export function DemoTag() {
  const { t } = useTranslation();
  const { data } = useQuery(systemQuery);
  if (!data?.demo) return null;
  return (
    <Tooltip title={t('shell.demoTooltip')} trigger={['hover', 'focus', 'click']}>
      <Tag
        color="#d4380d"
        variant="solid"
        className="demo-tag"
        tabIndex={0}
        aria-label={`DEMO: ${t('shell.demoTooltip')}`}
      >
        DEMO
      </Tag>
    </Tooltip>
  );
}
