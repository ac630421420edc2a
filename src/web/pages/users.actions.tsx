import { CheckCircleOutlined, EditOutlined, LockOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canAssignRole } from '../../domain/access/roles.ts';
import { api } from '../api.ts';
import { useUser } from '../auth.tsx';
import { errorMessage } from '../components/error-message.ts';
import { SecretOnce } from '../components/secret-once.tsx';
import { useIsMobile } from '../components/use-is-mobile.ts';
import type { UserItem } from '../types.ts';
import { UserFormModal } from './users.form.tsx';

/** Edit, reset password, disable/enable: offered only on users the caller outranks. */
export function UserActions({ user }: { user: UserItem }) {
  const { t } = useTranslation();
  const me = useUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [password, setPassword] = useState<string | null>(null);

  const onError = (error: unknown) => void message.error(errorMessage(error, t));
  const reset = useMutation({
    mutationFn: () => api.post<{ password: string }>(`/users/${user.id}/reset-password`),
    onSuccess: (r) => {
      setPassword(r.password);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError,
  });
  const toggle = useMutation({
    mutationFn: (disabled: boolean) => api.patch<UserItem>(`/users/${user.id}`, { disabled }),
    onSuccess: (u) => {
      void message.success(t(u.disabled ? 'users.disabledDone' : 'users.enabledDone', { name: u.fullName }));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError,
  });

  const isMobile = useIsMobile();
  // In the table the buttons are icons with a tooltip (and an accessible name); on a phone card
  // there is room for words, and words are easier for a thumb and an eye.
  const label = (text: string, icon: ReactNode) =>
    isMobile ? { icon, children: text } : { icon, 'aria-label': text };
  const tip = (text: string, node: ReactNode) =>
    isMobile ? (
      node
    ) : (
      <Tooltip title={text} placement="bottom">
        {node}
      </Tooltip>
    );

  const isSelf = me.id === user.id;
  if (!isSelf && !canAssignRole(me.role, user.role)) return null;

  const resetText = t('users.reset');
  const toggleText = t(user.disabled ? 'users.enable' : 'users.disable');
  return (
    <div className="row-actions">
      {tip(
        t('common.edit'),
        <Button
          size="small"
          {...label(t('common.edit'), <EditOutlined />)}
          onClick={() => setEditing(true)}
        />,
      )}
      {!isSelf && (
        <>
          <Popconfirm
            title={t('users.resetConfirm', { name: user.fullName })}
            description={t('users.resetConfirmText')}
            okText={resetText}
            cancelText={t('common.cancel')}
            onConfirm={() => reset.mutateAsync().catch(() => undefined)}
          >
            {tip(
              resetText,
              <Button size="small" {...label(resetText, <LockOutlined />)} loading={reset.isPending} />,
            )}
          </Popconfirm>
          <Popconfirm
            title={t(user.disabled ? 'users.enableConfirm' : 'users.disableConfirm', { name: user.fullName })}
            okText={toggleText}
            okButtonProps={{ danger: !user.disabled }}
            cancelText={t('common.cancel')}
            onConfirm={() => toggle.mutateAsync(!user.disabled).catch(() => undefined)}
          >
            {tip(
              toggleText,
              <Button
                size="small"
                danger={!user.disabled}
                {...label(toggleText, user.disabled ? <CheckCircleOutlined /> : <StopOutlined />)}
                loading={toggle.isPending}
              />,
            )}
          </Popconfirm>
        </>
      )}
      {editing && <UserFormModal mode="edit" user={user} onClose={() => setEditing(false)} />}
      <SecretOnce
        open={password !== null}
        title={t('users.newPassword')}
        subject={t('users.newPasswordFor', { name: user.fullName, username: user.username })}
        secret={password}
        onClose={() => setPassword(null)}
      />
    </div>
  );
}
