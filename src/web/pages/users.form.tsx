import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canAssignRole, ROLES, type Role } from '../../domain/access/roles.ts';
import { api } from '../api.ts';
import { useUser } from '../auth.tsx';
import { errorMessage, fieldErrors } from '../components/error-message.ts';
import { RemoteSelect } from '../components/remote-select.tsx';
import { rules } from '../components/rules.ts';
import { SecretOnce } from '../components/secret-once.tsx';
import type { OrgItem, UserItem } from '../types.ts';

interface Values {
  username: string;
  fullName: string;
  role: Role;
  orgUnitId: number;
  phone?: string;
  passwordMode: 'generate' | 'manual';
  password?: string;
}

type Props =
  | { mode: 'create'; user?: undefined; onClose: () => void }
  | { mode: 'edit'; user: UserItem; onClose: () => void };

const MIN_PASSWORD = 10;

export function UserFormModal({ mode, user, onClose }: Props) {
  const { t } = useTranslation();
  const me = useUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const passwordMode = Form.useWatch('passwordMode', form);
  const [generated, setGenerated] = useState<{ password: string; name: string } | null>(null);
  const r = rules(t);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      if (mode === 'create') {
        return api.post<{ user: UserItem; password?: string }>('/users', {
          username: v.username.trim(),
          fullName: v.fullName.trim(),
          role: v.role,
          orgUnitId: v.orgUnitId,
          phone: v.phone?.trim() || undefined,
          password: v.passwordMode === 'manual' ? v.password : undefined,
        });
      }
      const patch: Record<string, unknown> = {};
      if (v.fullName.trim() !== user.fullName) patch.fullName = v.fullName.trim();
      if (v.role !== user.role) patch.role = v.role;
      if (v.orgUnitId !== user.orgUnit.id) patch.orgUnitId = v.orgUnitId;
      if ((v.phone?.trim() ?? '') !== (user.phone ?? '')) patch.phone = v.phone?.trim() || null;
      return { user: await api.patch<UserItem>(`/users/${user.id}`, patch), password: undefined };
    },
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void message.success(
        t(mode === 'create' ? 'users.created' : 'users.saved', { name: result.user.fullName }),
      );
      if (result.password) setGenerated({ password: result.password, name: result.user.fullName });
      else onClose();
    },
    onError: (error) => {
      form.setFields(fieldErrors(error));
      void message.error(errorMessage(error, t));
    },
  });

  if (generated) {
    return (
      <SecretOnce
        open
        title={t('users.newPassword')}
        subject={t('users.newPasswordFor', {
          name: generated.name,
          username: form.getFieldValue('username'),
        })}
        secret={generated.password}
        onClose={onClose}
      />
    );
  }

  const roleOptions = ROLES.filter((role) => canAssignRole(me.role, role) || role === user?.role).map(
    (role) => ({
      value: role,
      label: t(`role.${role}`),
    }),
  );

  return (
    <Modal
      open
      title={mode === 'create' ? t('users.createTitle') : t('users.editTitle', { name: user?.fullName })}
      okText={mode === 'create' ? t('users.create') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: save.isPending }}
    >
      <Form<Values>
        form={form}
        name="user-form"
        layout="vertical"
        disabled={save.isPending}
        onFinish={(v) => save.mutate(v)}
        initialValues={
          user
            ? {
                fullName: user.fullName,
                role: user.role,
                orgUnitId: user.orgUnit.id,
                phone: user.phone ?? '',
              }
            : { passwordMode: 'generate' }
        }
      >
        {mode === 'create' && (
          <Form.Item
            label={t('users.username')}
            name="username"
            rules={[r.required(t('users.username')), r.username()]}
            extra={t('users.usernameHint')}
          >
            <Input autoCapitalize="none" autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          label={t('users.fullName')}
          name="fullName"
          rules={[r.required(t('users.fullName')), r.max(120)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.role')}
          name="role"
          rules={[{ required: true, message: t('form.choose') }]}
        >
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item
          label={t('users.orgUnit')}
          name="orgUnitId"
          rules={[{ required: true, message: t('form.choose') }]}
        >
          <RemoteSelect<OrgItem, number>
            path="/org-units"
            ariaLabel={t('users.orgUnit')}
            allowClear={false}
            known={user ? [{ value: user.orgUnit.id, label: user.orgUnit.name }] : []}
            toOption={(o) => ({ value: o.id, label: `${o.name} · ${o.code}` })}
          />
        </Form.Item>
        <Form.Item label={t('users.phone')} name="phone" rules={[r.phone()]}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        {mode === 'create' && (
          <>
            <Form.Item label={t('users.initialPassword')} name="passwordMode">
              <Radio.Group
                options={[
                  { value: 'generate', label: t('users.passwordGenerate') },
                  { value: 'manual', label: t('users.passwordManual') },
                ]}
              />
            </Form.Item>
            {passwordMode === 'manual' && (
              <Form.Item
                label={t('users.password')}
                name="password"
                rules={[r.required(t('users.password')), r.min(MIN_PASSWORD)]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
