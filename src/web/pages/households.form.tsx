import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  type FormInstance,
  Input,
  Radio,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calculate, MAX_HHI_MEMBERS } from '../../domain/law/index.ts';
import { api } from '../api.ts';
import { errorMessage, fieldErrors } from '../components/error-message.ts';
import { registryKeys, useIdempotencyKey } from '../components/registry-api.ts';
import { CommuneSelect, useServedCommunes } from '../components/registry-communes.tsx';
import type { Household, MemberInput } from '../components/registry-types.ts';
import { rules } from '../components/rules.ts';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { useRuleBook } from '../components/use-rule-book.ts';
import { DATE_FORMAT, formatVnd, vietnamToday } from '../format.ts';
import { currentLang } from '../i18n.ts';
import { checkId, cleanId, isoDate } from './enroll.model.ts';

export interface MemberValues {
  personalId?: string;
  fullName?: string;
  birthDate?: Dayjs | null;
  sex?: 'M' | 'F';
  phone?: string;
  otherSource?: boolean;
}

export function memberBody(m: MemberValues): MemberInput {
  return {
    personalId: cleanId(m.personalId),
    fullName: (m.fullName ?? '').trim().replace(/\s+/g, ' '),
    birthDate: isoDate(m.birthDate) ?? '',
    sex: m.sex ?? 'M',
    phone: m.phone?.trim() || undefined,
    otherSource: Boolean(m.otherSource),
  };
}

/** The ID's fourth digit tells the sex: fill it in while the agent has not chosen. */
export function fillSexFromId(form: FormInstance, path: (string | number)[], id: string | undefined): void {
  const digits = cleanId(id);
  if (digits.length < 4 || !/^\d$/.test(digits[3] ?? '')) return;
  if (form.getFieldValue([...path, 'sex'])) return;
  form.setFieldValue([...path, 'sex'], Number(digits[3]) % 2 === 0 ? 'M' : 'F');
}

/**
 * One member's fields, under `path` in the form (e.g. ['members', 2] or []). The personal ID is
 * checked against the birth date and sex as the agent types, like on the enrollment form.
 */
export function MemberFields({ path }: { path: (string | number)[] }) {
  const { t } = useTranslation();
  const { book } = useRuleBook();
  const form = Form.useFormInstance();
  const today = vietnamToday();
  const lang = currentLang();
  const r = rules(t);
  const at = (field: string) => [...path, field];
  return (
    <>
      <Form.Item
        label={t('registry.field.personalId')}
        name={at('personalId')}
        dependencies={[at('birthDate'), at('sex')]}
        className="reg-multiline-errors"
        rules={[
          r.required(t('registry.field.personalId')),
          {
            validator: async (_: unknown, value: string | undefined) => {
              const id = cleanId(value);
              if (!id) return;
              const result = checkId(book, today, lang, {
                personalId: id,
                birthDate: form.getFieldValue(at('birthDate')),
                sex: form.getFieldValue(at('sex')),
              });
              if (result && !result.valid) throw new Error(result.errors.map((e) => e.message).join('\n'));
            },
          },
        ]}
      >
        <Input inputMode="numeric" autoComplete="off" maxLength={15} />
      </Form.Item>
      <Form.Item
        label={t('registry.field.fullName')}
        name={at('fullName')}
        rules={[r.required(t('registry.field.fullName')), r.min(2), r.max(120)]}
      >
        <Input autoComplete="off" autoCapitalize="words" />
      </Form.Item>
      <div className="form-row">
        <Form.Item
          label={t('registry.field.birthDate')}
          name={at('birthDate')}
          rules={[{ required: true, message: t('registry.enroll.birthDateRequired') }]}
        >
          <DatePicker
            format={[DATE_FORMAT, 'D/M/YYYY', 'DDMMYYYY']}
            placeholder="dd/mm/yyyy"
            className="full-width"
            showNow={false}
            disabledDate={(d) => d.isAfter(dayjs())}
          />
        </Form.Item>
        <Form.Item
          label={t('registry.field.sex')}
          name={at('sex')}
          rules={[{ required: true, message: t('registry.enroll.sexRequired') }]}
        >
          <Radio.Group
            aria-label={t('registry.field.sex')}
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'M', label: t('registry.sex.M') },
              { value: 'F', label: t('registry.sex.F') },
            ]}
          />
        </Form.Item>
      </div>
      <Form.Item label={t('registry.field.phone')} name={at('phone')} rules={[r.phone()]}>
        <Input inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name={at('otherSource')}
        valuePropName="checked"
        extra={t('registry.household.otherSourceHint')}
      >
        <Checkbox>{t('registry.household.otherSource')}</Checkbox>
      </Form.Item>
    </>
  );
}

interface CreateValues {
  communeCode?: string;
  address?: string;
  paymentMonths: 3 | 6 | 12;
  members: MemberValues[];
}

/** A new household: where it lives, how often it pays, its members with the head first. */
export function HouseholdCreateDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { book } = useRuleBook();
  const [form] = Form.useForm<CreateValues>();
  const members = Form.useWatch('members', form) ?? [];
  const months = Form.useWatch('paymentMonths', form) ?? 12;
  const [failure, setFailure] = useState<string | null>(null);
  const served = useServedCommunes();
  const idem = useIdempotencyKey();

  const only = served.communes.length === 1 ? served.communes[0] : undefined;
  useEffect(() => {
    if (only && !form.getFieldValue('communeCode')) form.setFieldValue('communeCode', only.code);
  }, [only, form]);

  const paying = members.filter((m) => m && !m.otherSource).length;
  const today = vietnamToday();
  const quote =
    paying > 0
      ? calculate('hhi-quote', { paymentDate: today, members: paying, months }, { book, today })
      : null;

  const create = useMutation({
    mutationFn: (v: CreateValues) => {
      const body = {
        communeCode: v.communeCode,
        address: v.address?.trim() || undefined,
        paymentMonths: v.paymentMonths,
        members: v.members.map(memberBody),
      };
      return api.post<Household>('/households', body, idem.headers(body));
    },
    onSettled: (_d, error) => idem.settle(error),
    onSuccess: (h) => {
      queryClient.setQueryData(registryKeys.household(h.id), h);
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
      onClose();
      void navigate({ to: '/ho-gia-dinh/$id', params: { id: String(h.id) } });
    },
    onError: (error) => {
      const placed = fieldErrors(error).filter((f) =>
        ['communeCode', 'address', 'paymentMonths'].includes(String(f.name)),
      );
      form.setFields(placed);
      // Member errors name no row (e.g. "personalId"): say it in words by the button.
      setFailure(errorMessage(error, t));
    },
  });

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('registry.household.createTitle')}
      size={isMobile ? '100%' : 560}
      footer={
        <div className="reg-drawer-footer">
          {quote?.ok && (
            <span>
              {t('registry.household.firstPayment', { months })}:{' '}
              <strong>{formatVnd(quote.result.total)}</strong>
            </span>
          )}
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('registry.household.create')}
          </Button>
        </div>
      }
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        name="household-create"
        disabled={create.isPending}
        scrollToFirstError={{ block: 'center' }}
        initialValues={{ paymentMonths: 12, members: [{}] }}
        onValuesChange={(changed: Partial<CreateValues>) => {
          changed.members?.forEach((m, i) => {
            if (m && 'personalId' in m) fillSexFromId(form, ['members', i], m.personalId);
          });
        }}
        onFinish={(v) => {
          setFailure(null);
          create.mutate(v);
        }}
      >
        <Form.Item
          label={t('registry.field.commune')}
          name="communeCode"
          rules={[{ required: true, message: t('registry.enroll.communeRequired') }]}
        >
          <CommuneSelect />
        </Form.Item>
        <Form.Item label={t('registry.household.address')} name="address" rules={[{ max: 300 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('registry.household.paymentMonths')} name="paymentMonths">
          <Radio.Group
            aria-label={t('registry.household.paymentMonths')}
            optionType="button"
            buttonStyle="solid"
            options={[3, 6, 12].map((n) => ({ value: n, label: t('registry.work.hhiMonths', { n }) }))}
          />
        </Form.Item>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  className="block-gap"
                  title={
                    i === 0 ? t('registry.household.head') : t('registry.household.member', { n: i + 1 })
                  }
                  extra={
                    i > 0 && (
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('registry.household.removeRow', { n: i + 1 })}
                        onClick={() => remove(field.name)}
                      />
                    )
                  }
                >
                  <MemberFields path={[field.name]} />
                </Card>
              ))}
              {fields.length < MAX_HHI_MEMBERS && (
                <Button block icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('registry.household.addRow')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        {quote && !quote.ok && (
          <Alert type="warning" showIcon className="block-top" title={quote.error.message} />
        )}
        {failure && <Alert type="error" showIcon className="block-top" title={failure} />}
      </Form>
    </Drawer>
  );
}
