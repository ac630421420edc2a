import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from '@tanstack/react-router';
import { Button, Dropdown, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLogout, useUser } from '../auth.tsx';

export function useSignOut() {
  const logout = useLogout();
  const navigate = useNavigate();
  return {
    pending: logout.isPending,
    signOut: () => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/dang-nhap' }) }),
  };
}

/** Who is signed in: name, role and unit. */
export function UserSummary() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <div className="user-summary">
      <Typography.Text strong ellipsis>
        {user.fullName}
      </Typography.Text>
      <Typography.Text type="secondary" ellipsis className="user-summary-line">
        {t(`role.${user.role}`)} · {user.orgUnit.name}
      </Typography.Text>
    </div>
  );
}

export function UserMenu({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut, pending } = useSignOut();
  if (compact) {
    return (
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'who', label: <UserSummary />, disabled: true, className: 'user-menu-who' },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), onClick: signOut },
          ],
        }}
      >
        <Button
          type="text"
          shape="circle"
          icon={<UserOutlined />}
          aria-label={t('shell.account', { name: user.fullName })}
        />
      </Dropdown>
    );
  }
  return (
    <div className="user-menu">
      <UserSummary />
      <Button icon={<LogoutOutlined />} onClick={signOut} loading={pending}>
        {t('shell.logout')}
      </Button>
    </div>
  );
}
