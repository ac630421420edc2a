/** Recording a person met at an event, a convoy or a visit (or by hand), with their consent and purpose. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_KINDS_OF,
  CAPTURE_SOURCES,
  type CaptureSource,
  LEAD_PURPOSES,
} from '../../domain/leads/sources.ts';
import { api } from '../api.ts';
import { useUser } from '../auth.tsx';
import type { CampaignItem } from '../components/campaign-types.ts';
import { errorMessage, fieldErrors } from '../components/error-message.ts';
import { FormDrawer } from '../components/form-drawer.tsx';
import type { Lead } from '../components/lead-types.ts';
import { useIdempotencyKey } from '../components/registry-api.ts';
import { CommuneSelect } from '../components/registry-communes.tsx';
import { CHANNELS, type Channel } from '../components/registry-types.ts';
import { rules } from '../components/rules.ts';
import { formatDate } from '../format.ts';
import { useLeadsChanged } from './leads.actions.tsx';

const FIELDS = new Set([
  'source',
  'eventId',
  'fullName',
  'phone',
  'personalId',
  'communeCode',
  'consent',
  'purpose',
  'channel',
  'note',
]);

interface Values {
  source: CaptureSource;
  eventId?: number;
  fullName: string;
  phone?: string;
  consent: boolean;
  personalId?: string;
  communeCode: string;
  purpose: (typeof LEAD_PURPOSES)[number];
  channel?: Channel;
  note?: string;
}

interface ActivityOption {
  id: number;
  kind: string;
  title: string;
  onDate: string;
}

export function CaptureDrawer({ campaign, onClose }: { campaign: CampaignItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useUser();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const idem = useIdempotencyKey();
  const changed = useLeadsChanged(campaign.id);
  const r = rules(t);
  const source = Form.useWatch('source', form) ?? 'door_to_door';
  const consent = Form.useWatch('consent', form) ?? false;
  const activities = useQuery({
    queryKey: ['leads', 'activities', campaign.id],
    queryFn: () => api.get<{ items: ActivityOption[] }>(`/campaigns/${campaign.id}/lead-activities`),
  });
  const fitting =
    source === 'manual'
      ? []
      : (activities.data?.items ?? []).filter((a) => ACTIVITY_KINDS_OF[source].includes(a.kind));

  const capture = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        campaignId: campaign.id,
        source: v.source,
        eventId: v.source === 'manual' ? null : (v.eventId ?? null),
        fullName: v.fullName.trim().replace(/\s+/g, ' '),
        phone: v.phone?.trim() || null,
        personalId: v.personalId?.replace(/\s+/g, '') || null,
        communeCode: v.communeCode,
        consent: Boolean(v.consent),
        purpose: v.purpose,
        ...(v.source === 'manual' && v.channel ? { channel: v.channel } : {}),
        note: v.note?.trim() || null,
      };
      return api.post<Lead>('/leads', body, idem.headers(body));
    },
    onSettled: (_d, error) => idem.settle(error),
    onSuccess: (lead) => {
      void message.success(t('leads.capture.done', { name: lead.fullName }));
      onClose();
      return changed();
    },
    onError: (error) => {
      const placed = fieldErrors(error).filter((f) => FIELDS.has(String(f.name)));
      form.setFields(placed);
      setFailure(placed.length ? null : errorMessage(error, t));
    },
  });

  return (
    <FormDrawer
      title={t('leads.capture.title')}
      submitLabel={t('leads.capture.submit')}
      pending={capture.isPending}
      failure={failure}
      onSubmit={() => form.submit()}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="lead"
        disabled={capture.isPending}
        initialValues={{
          source: 'door_to_door',
          consent: false,
          purpose: 'vsi_enroll',
          channel: user.orgUnit.network === 'vnpost' ? 'post_office' : 'door_to_door',
        }}
        onValuesChange={(changedValues: Partial<Values>) => {
          setFailure(null);
          if ('source' in changedValues) form.setFieldValue('eventId', undefined);
        }}
        onFinish={(v) => capture.mutate(v)}
      >
        <Form.Item label={t('leads.field.source')} name="source" rules={[{ required: true }]}>
          <Select options={CAPTURE_SOURCES.map((s) => ({ value: s, label: t(`leads.source.${s}`) }))} />
        </Form.Item>
        {source !== 'manual' && (
          <Form.Item label={t('leads.field.event')} name="eventId" extra={t('leads.capture.eventHint')}>
            <Select<number>
              allowClear
              loading={activities.isPending}
              placeholder={
                activities.isPending
                  ? t('common.loading')
                  : fitting.length
                    ? t('leads.capture.pickEvent')
                    : t('leads.capture.noEvent')
              }
              options={fitting.map((a) => ({ value: a.id, label: `${a.title} · ${formatDate(a.onDate)}` }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        )}
        <Form.Item
          label={t('leads.field.fullName')}
          name="fullName"
          rules={[r.required(t('leads.field.fullName')), r.min(2), r.max(120)]}
        >
          <Input autoComplete="off" autoCapitalize="words" />
        </Form.Item>
        <Form.Item
          label={t('leads.field.commune')}
          name="communeCode"
          rules={[{ required: true, message: t('leads.capture.communeRequired') }]}
        >
          <CommuneSelect />
        </Form.Item>
        <Form.Item name="consent" valuePropName="checked" extra={t('leads.capture.consentHint')}>
          <Checkbox>{t('leads.field.consent')}</Checkbox>
        </Form.Item>
        <Form.Item
          label={t('leads.field.phone')}
          name="phone"
          dependencies={['consent']}
          rules={[
            r.phone(),
            {
              validator: async (_: unknown, value: string | undefined) => {
                if (value?.trim() && !form.getFieldValue('consent'))
                  throw new Error(t('leads.capture.phoneNeedsConsent'));
              },
            },
          ]}
        >
          <Input inputMode="tel" autoComplete="off" disabled={!consent} />
        </Form.Item>
        <Form.Item
          label={t('leads.field.personalId')}
          name="personalId"
          extra={t('leads.capture.personalIdHint')}
          rules={[{ pattern: /^\s*(\d\s*){12}$/, message: t('leads.capture.personalIdFormat') }]}
        >
          <Input inputMode="numeric" autoComplete="off" maxLength={15} />
        </Form.Item>
        <Form.Item label={t('leads.field.purpose')} name="purpose" rules={[{ required: true }]}>
          <Select options={LEAD_PURPOSES.map((p) => ({ value: p, label: t(`leads.purpose.${p}`) }))} />
        </Form.Item>
        {source === 'manual' && (
          <Form.Item label={t('leads.field.channel')} name="channel">
            <Select options={CHANNELS.map((c) => ({ value: c, label: t(`registry.channel.${c}`) }))} />
          </Form.Item>
        )}
        <Form.Item label={t('leads.field.note')} name="note" rules={[r.max(500)]}>
          <Input.TextArea rows={2} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
