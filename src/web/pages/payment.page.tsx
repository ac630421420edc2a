import '../registry.css';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { Alert, App, Button, Card, DatePicker, Form, InputNumber, Radio, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths } from '../../domain/law/index.ts';
import { ageOn } from '../../domain/registry/eligibility.ts';
import { FINAL_STATUSES } from '../../domain/registry/periods.ts';
import { ApiError, api } from '../api.ts';
import { errorMessage } from '../components/error-message.ts';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { LoadError } from '../components/query-state.tsx';
import { registryKeys, useIdempotencyKey } from '../components/registry-api.ts';
import { AmountWithWords, nextMonthOf, periodText, StatusTag } from '../components/registry-labels.tsx';
import {
  METHODS,
  type Method,
  type Participant,
  type PayMode,
  type PaymentQuote,
  type PaymentResult,
  PERIODIC,
} from '../components/registry-types.ts';
import { useDebounced } from '../components/use-debounced.ts';
import { DATE_FORMAT, formatDate, formatMonth, formatVnd, vietnamToday } from '../format.ts';
import { QuoteBody } from './enroll.quote.tsx';

/** How far back an offline payment may be recorded (the server's limit). */
const MAX_BACKDATE_DAYS = 60;
const MODES: readonly PayMode[] = [...PERIODIC, 'advance', 'catch_up'];
/** The earliest retirement age (women, before 2021): below it, back payment is never offered. */
const BACKPAY_FROM_AGE = 55;
const usesFundRate = (mode: PayMode) => mode === 'advance' || mode === 'catch_up' || mode === 'backpay';

export function PaymentPage() {
  return (
    <RequirePermission permission="payments.collect">
      <PaymentLoader />
    </RequirePermission>
  );
}

function PaymentLoader() {
  const { id } = useParams({ from: '/shell/nguoi-tham-gia/$id/thu-tien' });
  const participantId = Number(id);
  const query = useQuery({
    queryKey: registryKeys.participant(participantId),
    queryFn: () => api.get<Participant>(`/participants/${participantId}`),
  });
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.error) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  return <TakePayment p={query.data} />;
}

function TakePayment({ p }: { p: Participant }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const e = p.enrollment;
  const today = vietnamToday();
  const [mode, setMode] = useState<PayMode>(e?.paymentMode ?? 'monthly');
  const [months, setMonths] = useState<number | null>(12);
  const [backpayMonths, setBackpayMonths] = useState<number | null>(null);
  const modes = ageOn(p.birthDate, today) >= BACKPAY_FROM_AGE ? [...MODES, 'backpay' as const] : MODES;
  const [fundRatePct, setFundRatePct] = useState<number | null>(null);
  const [date, setDate] = useState<Dayjs>(dayjs(today));
  const [method, setMethod] = useState<Method>('cash');
  const [failure, setFailure] = useState<string | null>(null);

  const paymentDate = date.format('YYYY-MM-DD');
  const body = {
    mode,
    ...(mode === 'advance' ? { months: months ?? undefined } : {}),
    // Back payment: no count means every month still missing to the minimum years.
    ...(mode === 'backpay' && backpayMonths !== null ? { months: backpayMonths } : {}),
    ...(paymentDate !== today ? { paymentDate } : {}),
    ...(fundRatePct !== null && usesFundRate(mode) ? { fundRate: Math.round(fundRatePct * 1e6) / 1e8 } : {}),
  };
  // Debounce the text, not the object: a new object each render would never settle.
  const settledText = useDebounced(JSON.stringify(body), 300);
  const settled = useMemo(() => JSON.parse(settledText) as typeof body, [settledText]);
  const quote = useQuery({
    queryKey: ['registry', 'payment-quote', p.id, settled],
    queryFn: () => api.post<PaymentQuote>(`/participants/${p.id}/payment-quote`, settled),
    enabled: e !== null && (settled.mode !== 'advance' || Boolean(settled.months)),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 0,
  });
  const needsRate = quote.error instanceof ApiError && quote.error.code === 'calc.fund_rate_missing';
  const showRate = needsRate || fundRatePct !== null;
  const current = quote.isPlaceholderData ? undefined : quote.data;

  const pay = useMutation({
    mutationFn: (amount: number) => {
      const payload = { ...settled, method, amount };
      return api.post<PaymentResult>(`/participants/${p.id}/payments`, payload, idem.headers(payload));
    },
    onSettled: (_d, error) => idem.settle(error),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
      void navigate({
        to: '/bien-lai/$number',
        params: { number: result.receipt.number },
        search: { nguoi: p.id },
      });
    },
    onError: (error) => {
      setFailure(errorMessage(error, t));
      // The amount or the months changed under us: price again before the next try.
      if (error instanceof ApiError && error.code === 'payment.amount_mismatch') void quote.refetch();
    },
  });

  if (!e) {
    return (
      <>
        <PageHeader title={t('registry.pay.title')} subtitle={p.fullName} />
        <Alert type="warning" showIcon title={t('registry.pay.noEnrollment')} />
      </>
    );
  }
  if (FINAL_STATUSES.includes(e.status)) {
    return (
      <>
        <PageHeader title={t('registry.pay.title')} subtitle={p.fullName} />
        <Alert
          type="warning"
          showIcon
          title={t('registry.pay.ended', { status: t(`registry.status.${e.status}`) })}
        />
      </>
    );
  }

  const confirm = (q: PaymentQuote) => {
    setFailure(null);
    modal.confirm({
      title: t('registry.pay.confirmTitle'),
      width: 440,
      content: (
        <div className="reg-confirm">
          <p>
            <strong>{p.fullName}</strong> · {p.personalId}
          </p>
          {q.period && <p>{periodText(t, q.period)}</p>}
          <p>
            {t('registry.pay.methodLabel')}: <strong>{t(`registry.method.${method}`)}</strong>
          </p>
          <AmountWithWords amount={q.quote.total} />
          {method === 'cash' && <Alert type="warning" showIcon title={t('registry.pay.cashWarning')} />}
        </div>
      ),
      okText: t('registry.pay.confirmOk'),
      cancelText: t('common.cancel'),
      onOk: () => pay.mutateAsync(q.quote.total).catch(() => undefined),
    });
  };

  const gapFrom = current?.period && current.period.gap > 0 ? nextMonthOf(e) : null;

  return (
    <>
      <PageHeader
        title={t('registry.pay.title')}
        subtitle={
          <Link to="/nguoi-tham-gia/$id" params={{ id: String(p.id) }}>
            {p.fullName} · {p.personalId}
          </Link>
        }
      />
      <Card size="small" className="block-gap">
        <dl className="reg-facts">
          <div>
            <dt>{t('registry.list.status')}</dt>
            <dd>
              <StatusTag status={e.status} />
            </dd>
          </div>
          <div>
            <dt>{t('registry.profile.paidThrough')}</dt>
            <dd>{e.paidThrough ? formatMonth(e.paidThrough) : t('registry.list.notPaidYet')}</dd>
          </div>
          <div>
            <dt>{t('registry.profile.dueDate')}</dt>
            <dd>{formatDate(e.dueDate)}</dd>
          </div>
          <div>
            <dt>{t('registry.field.monthlyIncome')}</dt>
            <dd>{formatVnd(e.monthlyIncome)}</dd>
          </div>
        </dl>
      </Card>

      <div className="reg-pay-grid">
        <Card size="small" title={t('registry.pay.what')}>
          <Form layout="vertical" name="payment">
            <Form.Item label={t('registry.pay.mode')}>
              <Radio.Group
                aria-label={t('registry.pay.mode')}
                className="reg-radio-list"
                value={mode}
                onChange={(ev) => setMode(ev.target.value as PayMode)}
                options={modes.map((m) => ({ value: m, label: t(`registry.payMode.${m}`) }))}
              />
            </Form.Item>
            {mode === 'advance' && (
              <Form.Item label={t('registry.pay.months')} extra={t('registry.pay.monthsHint')}>
                <InputNumber<number>
                  aria-label={t('registry.pay.months')}
                  min={1}
                  max={60}
                  precision={0}
                  inputMode="numeric"
                  value={months}
                  onChange={setMonths}
                  className="full-width"
                />
              </Form.Item>
            )}
            {mode === 'backpay' && (
              <Form.Item label={t('registry.pay.backpayMonths')} extra={t('registry.pay.backpayMonthsHint')}>
                <InputNumber<number>
                  aria-label={t('registry.pay.backpayMonths')}
                  min={1}
                  max={120}
                  precision={0}
                  inputMode="numeric"
                  value={backpayMonths}
                  onChange={setBackpayMonths}
                  className="full-width"
                />
              </Form.Item>
            )}
            {showRate && usesFundRate(mode) && (
              <Form.Item
                label={t('registry.pay.fundRate')}
                extra={t('registry.pay.fundRateHint')}
                validateStatus={needsRate ? 'warning' : undefined}
              >
                <InputNumber<number>
                  aria-label={t('registry.pay.fundRate')}
                  min={0.0001}
                  max={5}
                  step={0.01}
                  decimalSeparator=","
                  value={fundRatePct}
                  onChange={setFundRatePct}
                  suffix="%/tháng"
                  className="full-width"
                />
              </Form.Item>
            )}
            <Form.Item
              label={t('registry.pay.date')}
              extra={t('registry.pay.dateHint', { days: MAX_BACKDATE_DAYS })}
            >
              <DatePicker
                aria-label={t('registry.pay.date')}
                format={DATE_FORMAT}
                value={date}
                allowClear={false}
                onChange={(d) => d && setDate(d)}
                className="full-width"
                disabledDate={(d) =>
                  d.isAfter(dayjs(today), 'day') ||
                  d.isBefore(dayjs(today).subtract(MAX_BACKDATE_DAYS, 'day'), 'day')
                }
              />
            </Form.Item>
          </Form>
        </Card>

        <Card size="small" title={t('registry.pay.amountTitle')} className="reg-quote">
          <section aria-label={t('registry.pay.amountTitle')} aria-live="polite" aria-busy={quote.isFetching}>
            {quote.isPending && quote.fetchStatus !== 'idle' ? (
              <Skeleton active paragraph={{ rows: 3 }} />
            ) : quote.error && !needsRate ? (
              <Alert type="warning" showIcon title={errorMessage(quote.error, t)} />
            ) : needsRate && fundRatePct === null ? (
              <Alert type="info" showIcon title={errorMessage(quote.error, t)} />
            ) : quote.data ? (
              <>
                {quote.data.period && <div className="reg-period">{periodText(t, quote.data.period)}</div>}
                {gapFrom && quote.data.period && (
                  <Alert
                    type="warning"
                    showIcon
                    className="block-gap"
                    title={t('registry.pay.gapTitle', { n: quote.data.period.gap })}
                    description={t('registry.pay.gapText', {
                      skipped: gapSkipped(t, gapFrom, quote.data.period.gap),
                      restart: formatMonth(quote.data.period.from),
                    })}
                  />
                )}
                <QuoteBody quote={quote.data.quote} label={t('registry.pay.toCollect')} />
              </>
            ) : (
              <Typography.Text type="secondary">{t('registry.pay.chooseMonths')}</Typography.Text>
            )}
          </section>
        </Card>
      </div>

      <Card size="small" className="block-top">
        <Form layout="vertical">
          <Form.Item label={t('registry.pay.methodLabel')} className="reg-tight">
            <Radio.Group
              aria-label={t('registry.pay.methodLabel')}
              optionType="button"
              buttonStyle="solid"
              className="reg-method"
              value={method}
              onChange={(ev) => setMethod(ev.target.value as Method)}
              options={METHODS.map((m) => ({ value: m, label: t(`registry.method.${m}`) }))}
            />
          </Form.Item>
        </Form>
        {failure && <Alert type="error" showIcon className="block-top" title={failure} />}
      </Card>
      <div className="reg-submit-bar">
        {current && (
          <div className="reg-submit-total">
            <span className="muted">{t('registry.pay.toCollect')}</span>
            <strong>{formatVnd(current.quote.total)}</strong>
          </div>
        )}
        <Button
          type="primary"
          size="large"
          disabled={!current || quote.isFetching}
          loading={pay.isPending}
          onClick={() => current && confirm(current)}
        >
          {t('registry.pay.submit')}
        </Button>
      </div>
    </>
  );
}

/** "Tháng 10/2026 chưa đóng" or "Các tháng 08/2026–10/2026 chưa đóng". */
function gapSkipped(
  t: (key: string, o?: Record<string, unknown>) => string,
  from: string,
  gap: number,
): string {
  const to = addMonths(from, gap - 1);
  return gap === 1
    ? t('registry.pay.gapOne', { from: formatMonth(from) })
    : t('registry.pay.gapMany', { from: formatMonth(from), to: formatMonth(to) });
}
