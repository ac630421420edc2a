import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { type Campaign, campaignKeys } from '../components/campaign-types.ts';
import { errorMessage, fieldErrors } from '../components/error-message.ts';
import { FormDrawer } from '../components/form-drawer.tsx';
import { useIdempotencyKey } from '../components/registry-api.ts';
import type { Product } from '../components/registry-types.ts';
import { rules } from '../components/rules.ts';
import { DATE_FORMAT, vietnamInstant, vietnamToday, vietnamWallClock } from '../format.ts';

/** The slogan of the Month of mobilization; most campaigns keep it. */
export const DEFAULT_THEME = 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình';
/** A joint plan is signed by the two networks that run the campaign. */
const DEFAULT_ORGANISERS = ['Bảo hiểm xã hội Việt Nam', 'Tổng công ty Bưu điện Việt Nam'];
const PRODUCTS: Product[] = ['vsi', 'hhi'];
const FIELDS = ['name', 'theme', 'startsOn', 'endsOn', 'products', 'organisers', 'legalBasis', 'launchAt'];

interface Values {
  name: string;
  theme: string;
  startsOn: Dayjs;
  endsOn: Dayjs;
  products: Product[];
  organisers: string[];
  legalBasis?: string;
  description?: string;
  launchAt?: Dayjs | null;
}

function toBody(v: Values) {
  return {
    name: v.name.trim(),
    theme: v.theme.trim(),
    startsOn: v.startsOn.format('YYYY-MM-DD'),
    endsOn: v.endsOn.format('YYYY-MM-DD'),
    products: v.products,
    organisers: v.organisers.map((o) => o.trim()).filter(Boolean),
    legalBasis: v.legalBasis?.trim() || null,
    description: v.description?.trim() || null,
    // The time picked is Vietnam's wall clock, wherever the officer's device thinks it is.
    launchAt: v.launchAt ? vietnamInstant(v.launchAt.format('YYYY-MM-DD'), v.launchAt.format('HH:mm')) : null,
  };
}

/** What the form starts with: the usual campaign when creating one, the record when editing it. */
function initialValues(campaign: Campaign | undefined): Partial<Values> {
  if (!campaign) {
    const today = dayjs(vietnamToday());
    return {
      theme: DEFAULT_THEME,
      startsOn: today,
      endsOn: today.add(30, 'day'),
      products: PRODUCTS,
      organisers: DEFAULT_ORGANISERS,
    };
  }
  return {
    name: campaign.name,
    theme: campaign.theme,
    startsOn: dayjs(campaign.startsOn),
    endsOn: dayjs(campaign.endsOn),
    products: campaign.products,
    organisers: campaign.organisers,
    legalBasis: campaign.legalBasis ?? undefined,
    description: campaign.description ?? undefined,
    launchAt: campaign.launchAt ? dayjs(vietnamWallClock(campaign.launchAt)) : null,
  };
}

interface Props {
  /** The campaign to edit; a new one is created without it. */
  campaign?: Campaign;
  onClose: () => void;
  onSaved: (campaign: Campaign) => void;
}

/** The campaign record's form, to create a campaign or to edit one (PATCH with every field). */
export function CampaignFormDrawer({ campaign, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const idem = useIdempotencyKey();
  const r = rules(t);
  const startsOn = Form.useWatch('startsOn', form);
  const mode = campaign ? 'edit' : 'create';

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = toBody(v);
      return campaign
        ? api.patch<Campaign>(`/campaigns/${campaign.id}`, body, idem.headers(body))
        : api.post<Campaign>('/campaigns', body, idem.headers(body));
    },
    onSettled: (_d, error) => idem.settle(error),
    onSuccess: (saved) => {
      queryClient.setQueryData(campaignKeys.one(saved.id), saved);
      // The period and the ceremony's time move the dashboard, the wall and the targets' pace.
      void queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      void message.success(t(`campaigns.${mode}.done`, { name: saved.name }));
      onClose();
      onSaved(saved);
    },
    onError: (error) => {
      form.setFields(fieldErrors(error).filter((f) => FIELDS.includes(String(f.name))));
      setFailure(errorMessage(error, t));
    },
  });

  return (
    <FormDrawer
      title={t(`campaigns.${mode}.title`)}
      submitLabel={t(`campaigns.${mode}.submit`)}
      pending={save.isPending}
      failure={failure}
      onSubmit={() => form.submit()}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name={`campaign-${mode}`}
        disabled={save.isPending}
        scrollToFirstError={{ block: 'center' }}
        initialValues={initialValues(campaign)}
        onValuesChange={() => setFailure(null)}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          label={t('campaigns.field.name')}
          name="name"
          rules={[r.required(t('campaigns.field.name')), r.max(200)]}
        >
          <Input placeholder={t('campaigns.create.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('campaigns.field.theme')}
          name="theme"
          rules={[r.required(t('campaigns.field.theme')), r.max(300)]}
        >
          <Input />
        </Form.Item>
        <div className="form-row">
          <Form.Item
            label={t('campaigns.field.startsOn')}
            name="startsOn"
            rules={[{ required: true, message: t('form.choose') }]}
          >
            <DatePicker format={DATE_FORMAT} className="full-width" />
          </Form.Item>
          <Form.Item
            label={t('campaigns.field.endsOn')}
            name="endsOn"
            dependencies={['startsOn']}
            rules={[
              { required: true, message: t('form.choose') },
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | undefined) =>
                  value && getFieldValue('startsOn') && value.isBefore(getFieldValue('startsOn'), 'day')
                    ? Promise.reject(new Error(t('campaigns.create.endBeforeStart')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <DatePicker
              format={DATE_FORMAT}
              className="full-width"
              disabledDate={(d) => (startsOn ? d.isBefore(startsOn, 'day') : false)}
            />
          </Form.Item>
        </div>
        <Form.Item
          label={t('campaigns.field.products')}
          name="products"
          rules={[{ required: true, type: 'array', min: 1, message: t('campaigns.create.productsRequired') }]}
        >
          <Checkbox.Group options={PRODUCTS.map((p) => ({ value: p, label: t(`registry.product.${p}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('campaigns.field.organisers')}
          name="organisers"
          extra={t('campaigns.create.organisersHint')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('campaigns.create.organisersRequired') },
          ]}
        >
          <Select
            mode="tags"
            aria-label={t('campaigns.field.organisers')}
            tokenSeparators={[';']}
            options={DEFAULT_ORGANISERS.map((o) => ({ value: o, label: o }))}
          />
        </Form.Item>
        <Form.Item label={t('campaigns.field.legalBasis')} name="legalBasis" rules={[r.max(300)]}>
          <Input placeholder={t('campaigns.create.legalBasisPlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('campaigns.field.launchAt')}
          name="launchAt"
          extra={t('campaigns.create.launchAtHint')}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format={`${DATE_FORMAT} HH:mm`}
            needConfirm={false}
            className="full-width"
          />
        </Form.Item>
        <Form.Item label={t('campaigns.field.description')} name="description" rules={[r.max(3000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
