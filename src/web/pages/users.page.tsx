import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth.tsx';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { UsersTab } from './users.list.tsx';
import { TokensTab } from './users.tokens.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <RequirePermission permission="users.read">
      <PageHeader title={t('users.title')} subtitle={t('users.subtitle')} />
      {can('tokens.manage') ? (
        <Tabs
          destroyOnHidden
          items={[
            { key: 'users', label: t('users.tabUsers'), children: <UsersTab /> },
            { key: 'tokens', label: t('tokens.tab'), children: <TokensTab /> },
          ]}
        />
      ) : (
        <UsersTab />
      )}
    </RequirePermission>
  );
}
