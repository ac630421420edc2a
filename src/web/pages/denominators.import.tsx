import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api.ts';
import { errorMessage } from '../components/error-message.ts';
import { formatNumber } from '../format.ts';

const HEADER = 'province_code,as_of,labour_force,compulsory_participants,voluntary_outside,source';
const SAMPLE = `${HEADER}\n01,2025-12-31,4100000,1650000,82000,Tổng cục Thống kê\n`;
const MAX_BYTES = 5 * 1024 * 1024;

/** CSV upload: the whole file is imported or nothing, with every bad row listed. */
export function DenominatorImport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<{ imported: number }>('/denominators/import', form);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['denominators'] }),
  });
  const rowErrors = upload.error instanceof ApiError ? upload.error.fields : [];
  const sampleHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${SAMPLE}`)}`;

  return (
    <Card className="import-card" title={t('denominators.importTitle')}>
      <Typography.Paragraph type="secondary">{t('denominators.importHelp')}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text code className="csv-header">
          {HEADER}
        </Typography.Text>
      </Typography.Paragraph>
      <div className="import-actions">
        <Upload
          accept=".csv,text/csv"
          maxCount={1}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            if (file.size > MAX_BYTES) {
              upload.reset();
              void message.error(t('denominators.tooLarge'));
              return Upload.LIST_IGNORE;
            }
            upload.mutate(file);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
            {t('denominators.importButton')}
          </Button>
        </Upload>
        <Button icon={<DownloadOutlined />} href={sampleHref} download="mau-so-mau.csv">
          {t('denominators.sample')}
        </Button>
      </div>
      {upload.isSuccess && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('denominators.imported', { n: formatNumber(upload.data.imported) })}
        />
      )}
      {upload.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(upload.error, t)}
          description={
            rowErrors.length > 0 && (
              <ul className="row-errors">
                {rowErrors.slice(0, 50).map((e) => (
                  <li key={`${e.field}-${e.message}`}>
                    <b>{e.field}</b>: {e.message}
                  </li>
                ))}
                {rowErrors.length > 50 && (
                  <li>{t('denominators.moreErrors', { n: formatNumber(rowErrors.length - 50) })}</li>
                )}
              </ul>
            )
          }
        />
      )}
    </Card>
  );
}
