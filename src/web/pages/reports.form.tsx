/** Choosing a report and exporting it: the fields the chosen report reads, then a button per format. */
import { FileExcelOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Select } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import type { CampaignItem } from '../components/campaign-types.ts';
import { errorMessage, fieldErrors } from '../components/error-message.ts';
import { useIdempotencyKey } from '../components/registry-api.ts';
import { RemoteSelect } from '../components/remote-select.tsx';
import { DATE_FORMAT, vietnamToday } from '../format.ts';
import type { OrgItem } from '../types.ts';
import {
  type ExportItem,
  FORMATS,
  type Format,
  type FormValues,
  fieldsOf,
  GROUPS,
  REPORT_KINDS,
  type ReportKind,
  type ReportParams,
  reportKeys,
  reportTitle,
  toParams,
} from './reports.model.ts';

const FORMAT_ICONS: Record<Format, ReactNode> = {
  xlsx: <FileExcelOutlined />,
  csv: <FileTextOutlined />,
  pdf: <FilePdfOutlined />,
};

/** The server names a field of `params`; the form holds the period as one range. */
const formField = (field: string) => {
  const name = field.replace(/^params\./, '');
  return name === 'from' || name === 'to' ? 'period' : name;
};

/** Starts an export; shared by the form and the list's "export again". */
export function useStartExport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const idem = useIdempotencyKey();
  return useMutation({
    mutationFn: (body: { kind: ReportKind; format: Format; params: ReportParams }) =>
      api.post<ExportItem>('/reports/exports', body, idem.headers(body)),
    onSettled: (_d, error) => idem.settle(error),
    onSuccess: async (item) => {
      void message.success(
        t('reports.form.started', { title: reportTitle(t, item.kind, item.params.groupBy) }),
      );
      await client.invalidateQueries({ queryKey: reportKeys.exports });
    },
  });
}

export function ReportForm({ campaigns }: { campaigns: CampaignItem[] }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [form] = Form.useForm<FormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const start = useStartExport();
  const kind: ReportKind = Form.useWatch('kind', form) ?? 'progress';
  const groupBy = Form.useWatch('groupBy', form) ?? GROUPS[kind][0];
  const fields = fieldsOf(kind, groupBy);
  // The list of named people is for those who work renewals (the server checks it too).
  const kinds = REPORT_KINDS.filter((k) => k !== 'lapsed' || can('reminders.manage'));

  const submit = async (format: Format) => {
    setFailure(null);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    start.mutate(
      { kind: values.kind, format, params: toParams(values) },
      {
        onError: (error) => {
          form.setFields(
            fieldErrors(error).map((f) => ({ ...f, name: formField(String(f.name)) as keyof FormValues })),
          );
          setFailure(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Card title={t('reports.form.heading')} className="block-gap reports-form">
      {failure && <Alert type="error" showIcon className="block-gap" title={failure} />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="report-export"
        initialValues={{ kind: 'progress', groupBy: 'province', asOf: dayjs(vietnamToday()) }}
        onValuesChange={(changed: Partial<FormValues>) => {
          setFailure(null);
          if (changed.kind) form.setFieldValue('groupBy', GROUPS[changed.kind][0]);
        }}
      >
        <div className="form-row">
          <Form.Item label={t('reports.form.kind')} name="kind" extra={t(`reports.kindHelp.${kind}`)}>
            <Select
              aria-label={t('reports.form.kind')}
              options={kinds.map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))}
            />
          </Form.Item>
          {GROUPS[kind].length > 0 && (
            <Form.Item label={t('reports.form.groupBy')} name="groupBy">
              <Select
                aria-label={t('reports.form.groupBy')}
                options={GROUPS[kind].map((g) => ({ value: g, label: t(`reports.group.${g}`) }))}
              />
            </Form.Item>
          )}
          {fields.includes('campaign') && (
            <Form.Item
              label={t('reports.form.campaign')}
              name="campaignId"
              rules={kind === 'kpis' ? [{ required: true, message: t('reports.form.campaignRequired') }] : []}
            >
              <Select
                aria-label={t('reports.form.campaign')}
                allowClear
                placeholder={t('reports.form.allCampaigns')}
                options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          )}
          {fields.includes('product') && (
            <Form.Item label={t('reports.form.product')} name="product">
              <Select
                aria-label={t('reports.form.product')}
                allowClear
                placeholder={t('reports.form.bothProducts')}
                options={(['vsi', 'hhi'] as const).map((p) => ({
                  value: p,
                  label: t(`registry.product.${p}`),
                }))}
              />
            </Form.Item>
          )}
          {fields.includes('period') && (
            <Form.Item
              label={kind === 'lapsed' ? t('reports.form.deadlinePeriod') : t('reports.form.period')}
              name="period"
              extra={t('reports.form.periodHint')}
            >
              <DatePicker.RangePicker
                aria-label={kind === 'lapsed' ? t('reports.form.deadlinePeriod') : t('reports.form.period')}
                format={DATE_FORMAT}
                allowEmpty={[true, true]}
                className="full-width"
              />
            </Form.Item>
          )}
          {fields.includes('asOf') && (
            <Form.Item label={t('reports.form.asOf')} name="asOf">
              <DatePicker format={DATE_FORMAT} className="full-width" allowClear={false} />
            </Form.Item>
          )}
          <Form.Item label={t('reports.form.scope')} name="scopeUnitId">
            <RemoteSelect<OrgItem, number>
              path="/org-units"
              ariaLabel={t('reports.form.scope')}
              placeholder={t('reports.form.scopeAll')}
              toOption={(o) => ({ value: o.id, label: `${o.name} · ${o.code}` })}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </div>
        {kind === 'progress' && (groupBy === 'unit' || groupBy === 'agent') && (
          <p className="muted">{t('reports.form.cumulative')}</p>
        )}
        <div className="reports-actions">
          {FORMATS.map((format) => (
            <Button
              key={format}
              type={format === 'xlsx' ? 'primary' : 'default'}
              icon={FORMAT_ICONS[format]}
              loading={start.isPending && start.variables?.format === format}
              disabled={start.isPending}
              onClick={() => void submit(format)}
            >
              {t(`reports.form.${format}`)}
            </Button>
          ))}
        </div>
        <p className="muted reports-hint">{t('reports.form.formatHint')}</p>
      </Form>
    </Card>
  );
}
