import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Skeleton, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { errorMessage } from '../components/error-message.ts';
import { FormDrawer } from '../components/form-drawer.tsx';
import { LoadError } from '../components/query-state.tsx';
import { useIdempotencyKey } from '../components/registry-api.ts';
import { ProductTag } from '../components/registry-labels.tsx';
import type { Product } from '../components/registry-types.ts';
import { DATE_FORMAT, formatDate } from '../format.ts';

interface CommissionRate {
  id: number;
  product: Product;
  rate: number;
  validFrom: string;
  validTo: string | null;
  basis: string;
  demo: boolean;
}

const ratesKey = ['registry', 'cash', 'commission-rates'] as const;
const percent = (rate: number) => `${(rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;

/** The dated commission rates the statement uses; administrators add one from a future date. */
export function CommissionRates() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [adding, setAdding] = useState(false);
  const query = useQuery({
    queryKey: ratesKey,
    queryFn: () => api.get<List<CommissionRate>>('/commission-rates'),
  });
  return (
    <Card
      size="small"
      className="block-top"
      title={t('registry.cash.rates.title')}
      extra={
        can('rules.manage') && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('registry.cash.rates.add')}
          </Button>
        )
      }
    >
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : query.error ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<CommissionRate>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: true }}
          dataSource={query.data.items}
          locale={{ emptyText: t('registry.cash.rates.empty') }}
          columns={[
            {
              title: t('registry.cash.rates.product'),
              key: 'product',
              render: (_, r) => <ProductTag product={r.product} />,
            },
            {
              title: t('registry.cash.rates.rate'),
              key: 'rate',
              align: 'right',
              render: (_, r) => percent(r.rate),
            },
            {
              title: t('registry.cash.rates.period'),
              key: 'period',
              render: (_, r) =>
                r.validTo
                  ? `${formatDate(r.validFrom)} – ${formatDate(r.validTo)}`
                  : t('registry.cash.rates.from', { date: formatDate(r.validFrom) }),
            },
            {
              title: t('registry.cash.rates.basis'),
              key: 'basis',
              render: (_, r) => (
                <>
                  {r.basis} {r.demo && <Tag className="tag-inline">{t('registry.cash.rates.demo')}</Tag>}
                </>
              ),
            },
          ]}
        />
      )}
      {adding && <AddRate onClose={() => setAdding(false)} />}
    </Card>
  );
}

function AddRate({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const [form] = Form.useForm<{ product: Product; percent: number; validFrom: Dayjs; basis: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: { product: Product; rate: number; validFrom: string; basis: string }) =>
      api.post<List<CommissionRate>>('/commission-rates', body, idem.headers(body)),
    onSettled: (_data, error) => idem.settle(error),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ratesKey });
      message.success(t('registry.cash.rates.saved'));
      onClose();
    },
    onError: (error) => setFailure(errorMessage(error, t)),
  });
  const submit = async () => {
    const v = await form.validateFields();
    setFailure(null);
    save.mutate({
      product: v.product,
      rate: Math.round(v.percent * 100) / 10_000,
      validFrom: v.validFrom.format('YYYY-MM-DD'),
      basis: v.basis.trim(),
    });
  };
  return (
    <FormDrawer
      title={t('registry.cash.rates.add')}
      submitLabel={t('common.save')}
      pending={save.isPending}
      failure={failure}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ product: 'vsi', validFrom: dayjs().add(1, 'month').startOf('month') }}
      >
        <Form.Item name="product" label={t('registry.cash.rates.product')}>
          <Radio.Group
            options={(['vsi', 'hhi'] as const).map((p) => ({ value: p, label: t(`registry.product.${p}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="percent"
          label={t('registry.cash.rates.rate')}
          rules={[{ required: true, message: t('registry.cash.rates.rateRequired') }]}
        >
          <InputNumber<number>
            min={0}
            max={99.99}
            step={0.1}
            decimalSeparator=","
            suffix="%"
            className="full-width"
          />
        </Form.Item>
        <Form.Item
          name="validFrom"
          label={t('registry.cash.rates.validFrom')}
          extra={t('registry.cash.rates.validFromHint')}
          rules={[{ required: true, message: t('registry.cash.rates.validFromHint') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            className="full-width"
            disabledDate={(d) => !d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item
          name="basis"
          label={t('registry.cash.rates.basis')}
          rules={[{ required: true, min: 3, message: t('registry.cash.rates.basisRequired') }]}
        >
          <Input maxLength={300} placeholder={t('registry.cash.rates.basisPlaceholder')} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
