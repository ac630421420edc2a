import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { errorMessage, fieldErrors } from '../components/error-message.ts';
import { childKinds } from '../components/org-labels.ts';
import { RemoteSelect } from '../components/remote-select.tsx';
import { rules } from '../components/rules.ts';
import type { OrgDetail, OrgItem, OrgKind, UnitItem } from '../types.ts';

interface EditValues {
  name: string;
  address?: string;
  phone?: string;
}

export function EditOrgModal({ org, onClose }: { org: OrgDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const r = rules(t);
  const save = useMutation({
    mutationFn: (values: EditValues) =>
      api.patch<OrgItem>(`/org-units/${org?.id}`, changedFields(org, values)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['org-units'] });
      void message.success(t('orgs.saved'));
      onClose();
    },
    onError: (error) => {
      form.setFields(fieldErrors(error));
      void message.error(errorMessage(error, t));
    },
  });

  useEffect(() => {
    if (org) form.setFieldsValue({ name: org.name, address: org.address ?? '', phone: org.phone ?? '' });
  }, [org, form]);

  return (
    <Modal
      open={org !== null}
      title={t('orgs.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: save.isPending }}
      forceRender
    >
      <Form
        form={form}
        name="org-edit"
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        disabled={save.isPending}
      >
        <Form.Item label={t('orgs.name')} name="name" rules={[r.required(t('orgs.name')), r.max(200)]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('orgs.address')} name="address" rules={[r.max(300)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item label={t('orgs.phone')} name="phone" rules={[r.phone()]}>
          <Input inputMode="tel" autoComplete="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Only what the user changed; a cleared field is sent as null. */
function changedFields(org: OrgDetail | null, values: EditValues) {
  const out: { name?: string; address?: string | null; phone?: string | null } = {};
  const name = values.name.trim();
  const address = values.address?.trim() ?? '';
  const phone = values.phone?.trim() ?? '';
  if (name !== org?.name) out.name = name;
  if (address !== (org?.address ?? '')) out.address = address || null;
  if (phone !== (org?.phone ?? '')) out.phone = phone || null;
  return out;
}

interface CreateValues {
  code: string;
  name: string;
  kind: OrgKind;
  address?: string;
  phone?: string;
  communeCodes?: string[];
}

interface CreateProps {
  parent: OrgDetail | null;
  onClose: () => void;
  onCreated: (org: OrgItem) => void;
}

export function CreateChildModal({ parent, onClose, onCreated }: CreateProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const r = rules(t);
  const kinds = parent ? childKinds(parent.kind) : [];
  const save = useMutation({
    mutationFn: (v: CreateValues) =>
      api.post<OrgItem>('/org-units', {
        parentId: parent?.id,
        code: v.code.trim(),
        name: v.name.trim(),
        kind: v.kind,
        address: v.address?.trim() || undefined,
        phone: v.phone?.trim() || undefined,
        communeCodes: v.communeCodes?.length ? v.communeCodes : undefined,
      }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['org-units'] });
      void message.success(t('orgs.created', { name: created.name }));
      form.resetFields();
      onCreated(created);
    },
    onError: (error) => {
      form.setFields(fieldErrors(error));
      void message.error(errorMessage(error, t));
    },
  });

  useEffect(() => {
    if (parent) form.setFieldsValue({ kind: childKinds(parent.kind)[0] });
  }, [parent, form]);

  return (
    <Modal
      open={parent !== null}
      title={t('orgs.addChildTitle', { parent: parent?.name ?? '' })}
      okText={t('orgs.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: save.isPending }}
      forceRender
    >
      <Form
        form={form}
        name="org-create"
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        disabled={save.isPending}
      >
        <Form.Item label={t('orgs.kind')} name="kind" rules={[{ required: true, message: t('form.choose') }]}>
          <Select options={kinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('orgs.code')}
          name="code"
          rules={[r.required(t('orgs.code')), r.code()]}
          extra={t('orgs.codeHint')}
        >
          <Input autoCapitalize="characters" />
        </Form.Item>
        <Form.Item label={t('orgs.name')} name="name" rules={[r.required(t('orgs.name')), r.max(200)]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('orgs.address')} name="address" rules={[r.max(300)]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('orgs.phone')} name="phone" rules={[r.phone()]}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item label={t('orgs.communesField')} name="communeCodes" extra={t('orgs.communesHint')}>
          <RemoteSelect<UnitItem, string>
            mode="multiple"
            path="/units"
            params={{ level: 'commune', province: parent?.provinceCode ?? undefined }}
            ariaLabel={t('orgs.communesField')}
            toOption={(u) => ({ value: u.code, label: `${u.name} (${u.provinceName})` })}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
