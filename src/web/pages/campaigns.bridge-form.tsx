/** A new bridge point: its level, the point above it, the unit that hosts it, how it joins. */
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useAuth, useUser } from '../auth.tsx';
import {
  BRIDGE_FORMS,
  BRIDGE_LEVELS,
  type BridgeForm,
  type BridgeLevel,
  type BridgePoint,
} from '../components/campaign-types.ts';
import { errorMessage, fieldErrors } from '../components/error-message.ts';
import { FormDrawer } from '../components/form-drawer.tsx';
import { useIdempotencyKey } from '../components/registry-api.ts';
import { RemoteSelect } from '../components/remote-select.tsx';
import { rules } from '../components/rules.ts';
import type { OrgItem } from '../types.ts';

const FIELDS = ['level', 'parentId', 'orgUnitId', 'name', 'form', 'streamUrl', 'plannedAttendance'];
const rank = (level: BridgeLevel) => BRIDGE_LEVELS.indexOf(level);

interface Values {
  level: BridgeLevel;
  parentId?: number;
  orgUnitId: number;
  name: string;
  form: BridgeForm;
  streamUrl?: string;
  plannedAttendance?: number | null;
}

interface Props {
  campaignId: number;
  /** The points already on the wall: the possible parents. */
  points: readonly BridgePoint[];
  onClose: () => void;
  onAdded: () => Promise<unknown>;
}

export function BridgeDrawer({ campaignId, points, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const user = useUser();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const idem = useIdempotencyKey();
  const r = rules(t);

  const central = points.find((p) => p.level === 'central');
  // The central point is the central office's, and there is one per ceremony.
  const levels = BRIDGE_LEVELS.filter((l) => (l === 'central' ? can('campaigns.manage') && !central : true));
  const level = Form.useWatch('level', form) ?? levels[0];
  const parents = level === 'central' ? [] : points.filter((p) => rank(p.level) < rank(level));

  const add = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        level: v.level,
        parentId: v.level === 'central' ? null : (v.parentId ?? null),
        orgUnitId: v.orgUnitId,
        name: v.name.trim(),
        form: v.form,
        streamUrl: v.streamUrl?.trim() || null,
        // Left out when empty: the API reads a null count as 0.
        plannedAttendance: v.plannedAttendance ?? undefined,
      };
      return api.post<{ id: number }>(`/campaigns/${campaignId}/bridges`, body, idem.headers(body));
    },
    onSettled: (_d, error) => idem.settle(error),
    onSuccess: async (_d, v) => {
      void message.success(t('campaigns.bridge.added', { name: v.name.trim() }));
      onClose();
      await onAdded();
    },
    onError: (error) => {
      form.setFields(fieldErrors(error).filter((f) => FIELDS.includes(String(f.name))));
      setFailure(errorMessage(error, t));
    },
  });

  return (
    <FormDrawer
      title={t('campaigns.bridge.title')}
      width={520}
      submitLabel={t('campaigns.bridge.submit')}
      pending={add.isPending}
      failure={failure}
      onSubmit={() => form.submit()}
      onClose={onClose}
    >
      {!central && !can('campaigns.manage') && (
        <Alert type="info" showIcon className="block-gap" title={t('campaigns.bridge.needsCentral')} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        name="bridge-create"
        disabled={add.isPending}
        initialValues={{
          level: levels[0],
          parentId: parents.length === 1 ? parents[0]?.id : undefined,
          orgUnitId: user.orgUnit.id,
          form: 'online',
          name: levels[0] === 'central' ? t('campaigns.bridge.centralName') : undefined,
        }}
        onValuesChange={(changed: Partial<Values>) => {
          setFailure(null);
          if (changed.level) {
            const next = points.filter((p) => rank(p.level) < rank(changed.level!));
            form.setFieldValue('parentId', next.length === 1 ? next[0]?.id : undefined);
          }
        }}
        onFinish={(v) => add.mutate(v)}
      >
        <Form.Item
          label={t('campaigns.bridge.level')}
          name="level"
          rules={[{ required: true, message: t('form.choose') }]}
        >
          <Select
            aria-label={t('campaigns.bridge.level')}
            options={levels.map((l) => ({ value: l, label: t(`campaigns.level.${l}`) }))}
          />
        </Form.Item>
        {level !== 'central' && (
          <Form.Item
            label={t('campaigns.bridge.parent')}
            name="parentId"
            rules={[{ required: true, message: t('campaigns.bridge.parentRequired') }]}
          >
            <Select
              aria-label={t('campaigns.bridge.parent')}
              placeholder={parents.length ? t('form.choose') : t('campaigns.bridge.noParent')}
              options={parents.map((p) => ({
                value: p.id,
                label: `${p.name} (${t(`campaigns.level.${p.level}`)})`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          label={t('campaigns.bridge.orgUnit')}
          name="orgUnitId"
          rules={[{ required: true, message: t('form.choose') }]}
        >
          <RemoteSelect<OrgItem, number>
            path="/org-units"
            ariaLabel={t('campaigns.bridge.orgUnit')}
            allowClear={false}
            known={[{ value: user.orgUnit.id, label: user.orgUnit.name }]}
            toOption={(o) => ({ value: o.id, label: `${o.name} · ${o.code}` })}
          />
        </Form.Item>
        <Form.Item
          label={t('campaigns.bridge.name')}
          name="name"
          rules={[r.required(t('campaigns.bridge.name')), r.max(200)]}
        >
          <Input placeholder={t('campaigns.bridge.namePlaceholder')} />
        </Form.Item>
        <Form.Item label={t('campaigns.bridge.form')} name="form">
          <Radio.Group
            aria-label={t('campaigns.bridge.form')}
            options={BRIDGE_FORMS.map((f) => ({ value: f, label: t(`campaigns.form.${f}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('campaigns.bridge.streamUrl')}
          name="streamUrl"
          rules={[r.max(500), { pattern: /^https?:\/\//, message: t('campaigns.bridge.streamUrlInvalid') }]}
        >
          <Input inputMode="url" placeholder="https://" />
        </Form.Item>
        <Form.Item label={t('campaigns.bridge.plannedAttendance')} name="plannedAttendance">
          <InputNumber min={0} max={10_000_000} precision={0} className="full-width" inputMode="numeric" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
