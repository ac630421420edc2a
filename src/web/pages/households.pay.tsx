import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Card, Form, Radio } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths, calculate } from '../../domain/law/index.ts';
import { ApiError, api } from '../api.ts';
import { errorMessage } from '../components/error-message.ts';
import { registryKeys, useIdempotencyKey } from '../components/registry-api.ts';
import { AmountWithWords, periodText } from '../components/registry-labels.tsx';
import {
  type Household,
  type HouseholdPayResult,
  METHODS,
  type Method,
} from '../components/registry-types.ts';
import { useRuleBook } from '../components/use-rule-book.ts';
import { formatVnd, vietnamToday } from '../format.ts';

/**
 * The household's next payment. The server prices the household's usual period; another length is
 * priced here by the same engine (and checked again by the server, which refuses a different sum).
 */
export function HouseholdPay({ h, focus }: { h: Household; focus: boolean }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { book } = useRuleBook();
  const idem = useIdempotencyKey();
  const ref = useRef<HTMLDivElement>(null);
  const [months, setMonths] = useState<3 | 6 | 12>(h.paymentMonths);
  const [method, setMethod] = useState<Method>('cash');
  const [failure, setFailure] = useState<string | null>(null);
  const today = vietnamToday();
  const next = h.nextPayment;
  const paying = h.members.filter((m) => m.nextOrder !== null).length;

  useEffect(() => {
    if (focus) ref.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [focus]);

  let total: number | null = null;
  if (next && months === next.months) total = next.total;
  else if (next && paying > 0) {
    const outcome = calculate('hhi-quote', { paymentDate: today, members: paying, months }, { book, today });
    total = outcome.ok ? outcome.result.total : null;
  }
  const period = next ? { from: next.from, to: addMonths(next.from, months - 1), months } : null;

  const pay = useMutation({
    mutationFn: (amount: number) => {
      const body = { months, method, amount };
      return api.post<HouseholdPayResult>(`/households/${h.id}/payments`, body, idem.headers(body));
    },
    onSettled: (_d, error) => idem.settle(error),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: registryKeys.household(h.id) });
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
      void navigate({ to: '/bien-lai/$number', params: { number: result.receipt.number } });
    },
    onError: (error) => {
      setFailure(errorMessage(error, t));
      if (error instanceof ApiError && error.code === 'payment.amount_mismatch') {
        void queryClient.invalidateQueries({ queryKey: registryKeys.household(h.id) });
      }
    },
  });

  const confirm = (amount: number) => {
    setFailure(null);
    modal.confirm({
      title: t('registry.pay.confirmTitle'),
      width: 440,
      content: (
        <div className="reg-confirm">
          <p>
            <strong>{t('registry.household.titleOf', { name: h.head.fullName })}</strong> ·{' '}
            {t('registry.household.memberCount', { n: paying })}
          </p>
          {period && <p>{periodText(t, period)}</p>}
          <p>
            {t('registry.pay.methodLabel')}: <strong>{t(`registry.method.${method}`)}</strong>
          </p>
          <AmountWithWords amount={amount} />
          {method === 'cash' && <Alert type="warning" showIcon title={t('registry.pay.cashWarning')} />}
        </div>
      ),
      okText: t('registry.pay.confirmOk'),
      cancelText: t('common.cancel'),
      onOk: () => pay.mutateAsync(amount).catch(() => undefined),
    });
  };

  return (
    <div ref={ref} id="thu-tien">
      <Card size="small" title={t('registry.household.payTitle')} className="reg-quote">
        {!next ? (
          <Alert type="warning" showIcon title={t('registry.household.noPaying')} />
        ) : (
          <Form layout="vertical" name="household-pay">
            <Form.Item label={t('registry.household.paymentMonths')}>
              <Radio.Group
                aria-label={t('registry.household.paymentMonths')}
                optionType="button"
                buttonStyle="solid"
                value={months}
                onChange={(e) => setMonths(e.target.value)}
                options={[3, 6, 12].map((n) => ({ value: n, label: t('registry.work.hhiMonths', { n }) }))}
              />
            </Form.Item>
            {period && <div className="reg-period">{periodText(t, period)}</div>}
            {total !== null ? (
              <>
                <div className="muted">
                  {t('registry.household.payingMembers', { n: paying })}
                  {months === next.months &&
                    ` · ${t('registry.household.perMonth', { amount: formatVnd(next.monthlyTotal) })}`}
                </div>
                <AmountWithWords amount={total} />
              </>
            ) : (
              <Alert type="warning" showIcon title={t('registry.household.cannotPrice')} />
            )}
            <Form.Item label={t('registry.pay.methodLabel')} className="block-top">
              <Radio.Group
                aria-label={t('registry.pay.methodLabel')}
                optionType="button"
                buttonStyle="solid"
                className="reg-method"
                value={method}
                onChange={(e) => setMethod(e.target.value)}
                options={METHODS.map((m) => ({ value: m, label: t(`registry.method.${m}`) }))}
              />
            </Form.Item>
            {failure && <Alert type="error" showIcon className="block-gap" title={failure} />}
            <Button
              type="primary"
              size="large"
              block
              disabled={total === null}
              loading={pay.isPending}
              onClick={() => total !== null && confirm(total)}
            >
              {t('registry.pay.submit')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
