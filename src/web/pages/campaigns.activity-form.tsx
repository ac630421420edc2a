/** One activity on the ground, logged by the unit that ran it, with the figures its kind counts. */
import { useMutation } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useUser } from '../auth.tsx';
import { ACTIVITY_KINDS, type ActivityKind, type Campaign } from '../components/campaign-types.ts';
import { errorMessage, fieldErrors } from '../components/error-message.ts';
import { FormDrawer } from '../components/form-drawer.tsx';
import { useIdempotencyKey } from '../components/registry-api.ts';
import { RemoteSelect } from '../components/remote-select.tsx';
import { rules } from '../components/rules.ts';
import { DATE_FORMAT, vietnamToday } from '../format.ts';
import type { OrgItem, UnitItem } from '../types.ts';

const FIELDS = [
  'orgUnitId',
  'kind',
  'onDate',
  'title',
  'cars',
  'motorbikes',
  'route',
  'communes',
  'peopleReached',
  'attendees',
  'items',
  'quantity',
  'note',
];
const MOVING: readonly ActivityKind[] = ['convoy', 'parade'];
const GATHERING: readonly ActivityKind[] = ['conference', 'local_launch'];

interface Values {
  kind: ActivityKind;
  onDate: Dayjs;
  title: string;
  orgUnitId: number;
  cars?: number | null;
  motorbikes?: number | null;
  route?: string;
  communes?: string[];
  peopleReached?: number | null;
  attendees?: number | null;
  items?: number | null;
  quantity?: number | null;
  note?: string;
}

/** Only the figures the kind counts are sent; the others stay at the server's zero. */
function toBody(v: Values) {
  const count = (n: number | null | undefined) => (n === null || n === undefined ? undefined : n);
  const moving = MOVING.includes(v.kind);
  return {
    kind: v.kind,
    onDate: v.onDate.format('YYYY-MM-DD'),
    title: v.title.trim(),
    orgUnitId: v.orgUnitId,
    cars: moving ? count(v.cars) : undefined,
    motorbikes: moving ? count(v.motorbikes) : undefined,
    route: moving ? v.route?.trim() || null : null,
    communes: v.communes?.length ? v.communes : undefined,
    peopleReached: count(v.peopleReached),
    attendees: GATHERING.includes(v.kind) ? count(v.attendees) : undefined,
    items: v.kind === 'printed' ? count(v.items) : undefined,
    // Printed matter is counted in items; every other entry may stand for several of its kind.
    quantity: v.kind === 'printed' ? undefined : count(v.quantity),
    note: v.note?.trim() || null,
  };
}

interface Props {
  campaign: Campaign;
  onClose: () => void;
  onLogged: () => Promise<unknown>;
}

export function ActivityDrawer({ campaign, onClose, onLogged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useUser();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const idem = useIdempotencyKey();
  const r = rules(t);
  const kind = Form.useWatch('kind', form);
  // Today when the campaign runs; its first or last day otherwise.
  const today = vietnamToday();
  const day = [campaign.startsOn, today, campaign.endsOn].sort()[1]!;

  const log = useMutation({
    mutationFn: (v: Values) => {
      const body = toBody(v);
      return api.post<{ id: number }>(`/campaigns/${campaign.id}/activities`, body, idem.headers(body));
    },
    onSettled: (_d, error) => idem.settle(error),
    onSuccess: async (_d, v) => {
      void message.success(t('campaigns.activity.logged', { title: v.title.trim() }));
      onClose();
      await onLogged();
    },
    onError: (error) => {
      form.setFields(fieldErrors(error).filter((f) => FIELDS.includes(String(f.name))));
      setFailure(errorMessage(error, t));
    },
  });

  const count = (name: keyof Values, label: string) => (
    <Form.Item label={label} name={name}>
      <InputNumber min={0} max={10_000_000} precision={0} className="full-width" inputMode="numeric" />
    </Form.Item>
  );

  return (
    <FormDrawer
      title={t('campaigns.activity.title')}
      submitLabel={t('campaigns.activity.submit')}
      pending={log.isPending}
      failure={failure}
      onSubmit={() => form.submit()}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="activity-create"
        disabled={log.isPending}
        scrollToFirstError={{ block: 'center' }}
        initialValues={{ kind: 'convoy', onDate: dayjs(day), orgUnitId: user.orgUnit.id, quantity: 1 }}
        onValuesChange={() => setFailure(null)}
        onFinish={(v) => log.mutate(v)}
      >
        <div className="form-row">
          <Form.Item
            label={t('campaigns.activity.kind')}
            name="kind"
            rules={[{ required: true, message: t('form.choose') }]}
          >
            <Select
              aria-label={t('campaigns.activity.kind')}
              options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`campaigns.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            label={t('campaigns.activity.onDate')}
            name="onDate"
            rules={[{ required: true, message: t('form.choose') }]}
          >
            <DatePicker
              format={DATE_FORMAT}
              className="full-width"
              disabledDate={(d) =>
                d.format('YYYY-MM-DD') < campaign.startsOn || d.format('YYYY-MM-DD') > campaign.endsOn
              }
            />
          </Form.Item>
        </div>
        <Form.Item
          label={t('campaigns.activity.name')}
          name="title"
          rules={[r.required(t('campaigns.activity.name')), r.max(300)]}
        >
          <Input placeholder={t('campaigns.activity.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('campaigns.activity.orgUnit')}
          name="orgUnitId"
          rules={[{ required: true, message: t('form.choose') }]}
        >
          <RemoteSelect<OrgItem, number>
            path="/org-units"
            ariaLabel={t('campaigns.activity.orgUnit')}
            allowClear={false}
            known={[{ value: user.orgUnit.id, label: user.orgUnit.name }]}
            toOption={(o) => ({ value: o.id, label: `${o.name} · ${o.code}` })}
          />
        </Form.Item>
        {kind && kind !== 'printed' && (
          <Form.Item
            label={t(`campaigns.activity.quantityOf.${kind}`)}
            name="quantity"
            extra={t('campaigns.activity.quantityHint')}
            rules={[{ required: true, message: t('campaigns.activity.quantityRequired') }]}
          >
            <InputNumber min={1} max={100_000} precision={0} className="full-width" inputMode="numeric" />
          </Form.Item>
        )}
        {kind && MOVING.includes(kind) && (
          <>
            <div className="form-row">
              {count('cars', t('campaigns.activity.cars'))}
              {count('motorbikes', t('campaigns.activity.motorbikes'))}
            </div>
            <Form.Item label={t('campaigns.activity.route')} name="route" rules={[r.max(1000)]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </>
        )}
        {kind && GATHERING.includes(kind) && count('attendees', t('campaigns.activity.attendees'))}
        {kind === 'printed' && count('items', t('campaigns.activity.items'))}
        <Form.Item
          label={t('campaigns.activity.communes')}
          name="communes"
          extra={t('campaigns.activity.communesHint')}
        >
          <RemoteSelect<UnitItem, string>
            mode="multiple"
            path="/units"
            params={{ level: 'commune' }}
            ariaLabel={t('campaigns.activity.communes')}
            toOption={(u) => ({ value: u.code, label: `${u.name} (${u.provinceName})` })}
          />
        </Form.Item>
        {count('peopleReached', t('campaigns.activity.peopleReached'))}
        <Form.Item label={t('campaigns.activity.note')} name="note" rules={[r.max(1000)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
