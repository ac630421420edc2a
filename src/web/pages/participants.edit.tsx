import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { errorMessage, fieldErrors } from '../components/error-message.ts';
import { registryKeys, useIdempotencyKey } from '../components/registry-api.ts';
import { CommuneSelect } from '../components/registry-communes.tsx';
import {
  type Category,
  type EndStatus,
  type Participant,
  SUPPORTED_CATEGORIES,
} from '../components/registry-types.ts';
import { rules } from '../components/rules.ts';
import { DATE_FORMAT } from '../format.ts';

interface EditValues {
  fullName: string;
  phone?: string;
  ethnicity?: string;
  communeCode: string;
  categories: Category[];
  evidence?: Partial<Record<Category, string>>;
  contactConsent: boolean;
}

/** Corrections to a person's record; the personal ID, birth date and sex never change here. */
export function EditParticipantModal({
  participant: p,
  onClose,
}: {
  participant: Participant;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const categories = Form.useWatch('categories', form) ?? p.categories;
  const [failure, setFailure] = useState<string | null>(null);
  const r = rules(t);

  const save = useMutation({
    mutationFn: (v: EditValues) => {
      const chosen = v.categories.filter((c) => c !== 'other');
      const evidence = Object.fromEntries(
        chosen.flatMap((c) => (v.evidence?.[c]?.trim() ? [[c, v.evidence[c]!.trim()]] : [])),
      );
      return api.patch<Participant>(`/participants/${p.id}`, {
        fullName: v.fullName.trim(),
        phone: v.phone?.trim() || null,
        ethnicity: v.ethnicity?.trim() || null,
        ...(v.communeCode !== p.commune.code ? { communeCode: v.communeCode } : {}),
        categories: chosen,
        categoryEvidence: evidence,
        contactConsent: v.contactConsent,
      });
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(registryKeys.participant(p.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
      void message.success(t('registry.edit.saved', { name: updated.fullName }));
      onClose();
    },
    onError: (error) => {
      const placed = fieldErrors(error);
      form.setFields(placed);
      setFailure(placed.length ? null : errorMessage(error, t));
    },
  });

  return (
    <Modal
      open
      title={t('registry.edit.title', { name: p.fullName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        name="participant-edit"
        disabled={save.isPending}
        onFinish={(v) => save.mutate(v)}
        initialValues={{
          fullName: p.fullName,
          phone: p.phone ?? '',
          ethnicity: p.ethnicity ?? '',
          communeCode: p.commune.code,
          categories: p.categories.filter((c) => c !== 'other'),
          evidence: p.categoryEvidence,
          contactConsent: p.contactConsent,
        }}
      >
        <Form.Item
          label={t('registry.field.fullName')}
          name="fullName"
          rules={[r.required(t('registry.field.fullName')), r.min(2), r.max(120)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('registry.field.phone')} name="phone" rules={[r.phone()]}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('registry.field.ethnicity')} name="ethnicity" rules={[r.max(60)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('registry.field.commune')} name="communeCode" rules={[{ required: true }]}>
          <CommuneSelect
            known={{ code: p.commune.code, name: p.commune.name, provinceCode: p.province.code }}
          />
        </Form.Item>
        <Form.Item label={t('registry.profile.categories')} name="categories">
          <Checkbox.Group
            className="reg-checks"
            options={SUPPORTED_CATEGORIES.map((c) => ({ value: c, label: t(`registry.category.${c}`) }))}
          />
        </Form.Item>
        {categories
          .filter((c) => c !== 'other')
          .map((c) => (
            <Form.Item
              key={c}
              label={t('registry.enroll.evidence', { category: t(`registry.category.${c}`) })}
              name={['evidence', c]}
              rules={[r.max(200)]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          ))}
        <Form.Item name="contactConsent" valuePropName="checked">
          <Checkbox>{t('registry.field.contactConsent')}</Checkbox>
        </Form.Item>
        <Alert type="info" showIcon title={t('registry.edit.supportNote')} />
        {failure && <Alert type="error" showIcon className="block-top" title={failure} />}
      </Form>
    </Modal>
  );
}

interface EndValues {
  status: EndStatus;
  onDate: Dayjs;
  note?: string;
}

/** Retired, lump sum withdrawn or deceased: final, so it is confirmed twice. */
export function EndEnrollmentModal({
  participant: p,
  onClose,
}: {
  participant: Participant;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EndValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const idem = useIdempotencyKey();

  const end = useMutation({
    mutationFn: (v: EndValues) => {
      const body = {
        status: v.status,
        onDate: v.onDate.format('YYYY-MM-DD'),
        note: v.note?.trim() || undefined,
      };
      return api.post<Participant>(`/participants/${p.id}/end`, body, idem.headers(body));
    },
    onSettled: (_d, error) => idem.settle(error),
    onSuccess: (updated) => {
      queryClient.setQueryData(registryKeys.participant(p.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
      void message.success(t('registry.end.done'));
      onClose();
    },
    onError: (error) => {
      const placed = fieldErrors(error);
      form.setFields(placed);
      setFailure(placed.length ? null : errorMessage(error, t));
    },
  });

  const confirm = (v: EndValues) =>
    modal.confirm({
      title: t('registry.end.confirmTitle', { name: p.fullName }),
      content: t('registry.end.confirmText', {
        status: t(`registry.status.${v.status}`),
        date: v.onDate.format(DATE_FORMAT),
      }),
      okText: t('registry.end.submit'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => end.mutateAsync(v).catch(() => undefined),
    });

  return (
    <Modal
      open
      title={t('registry.end.title', { name: p.fullName })}
      okText={t('registry.end.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={end.isPending}
    >
      <Form<EndValues>
        form={form}
        layout="vertical"
        name="participant-end"
        onFinish={confirm}
        initialValues={{ onDate: dayjs() }}
      >
        <Form.Item
          label={t('registry.end.status')}
          name="status"
          rules={[{ required: true, message: t('form.choose') }]}
        >
          <Radio.Group
            aria-label={t('registry.end.status')}
            className="reg-radio-list"
            options={(['retired', 'lump_sum_withdrawn', 'deceased'] as const).map((s) => ({
              value: s,
              label: t(`registry.status.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('registry.end.onDate')} name="onDate" rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} className="full-width" disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Form.Item label={t('registry.end.note')} name="note" rules={[rules(t).max(300)]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Alert type="warning" showIcon title={t('registry.end.warning')} />
        {failure && <Alert type="error" showIcon className="block-top" title={failure} />}
      </Form>
    </Modal>
  );
}
