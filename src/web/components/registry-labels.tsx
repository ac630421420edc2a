import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { amountInWords } from '../../domain/law/index.ts';
import { addMonths } from '../../domain/law/law.calendar.ts';
import { formatMonth, formatVnd } from '../format.ts';
import type { Product, Status, Step } from './registry-types.ts';

const STATUS_COLORS: Record<Status, string> = {
  awaiting_first_payment: 'gold',
  active: 'green',
  due: 'orange',
  lapsed: 'red',
  reactivated: 'cyan',
  retired: 'default',
  lump_sum_withdrawn: 'purple',
  deceased: 'default',
};

export function StatusTag({ status }: { status: Status | string | null }) {
  const { t } = useTranslation();
  if (!status) return <Tag className="tag-inline">{t('registry.status.none')}</Tag>;
  return (
    <Tag color={STATUS_COLORS[status as Status] ?? 'default'} className="tag-inline">
      {t(`registry.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function ProductTag({ product }: { product: Product }) {
  const { t } = useTranslation();
  return (
    <Tag color={product === 'vsi' ? 'blue' : 'green'} className="tag-inline">
      {t(`registry.product.${product}`)}
    </Tag>
  );
}

/** "231.000 đ" with the amount in words under it, as the receipt will print it. */
export function AmountWithWords({ amount, size = 'large' }: { amount: number; size?: 'large' | 'normal' }) {
  const { t } = useTranslation();
  return (
    <div className={`reg-amount is-${size}`}>
      <div className="reg-amount-figure">{formatVnd(amount)}</div>
      <div className="reg-amount-words">
        {t('registry.money.inWords')}: <em>{amountInWords(amount)}</em>
      </div>
    </div>
  );
}

// Steps carry đồng or counts; the engine's labels say which (money labels name an amount).
const MONEY_LABEL =
  /tiền|mức|tổng|thu nhập|chuẩn nghèo|lương|amount|income|total|salary|poverty|contribution/i;

export function stepValue(step: Step): string {
  if (typeof step.value === 'string') return step.value;
  return MONEY_LABEL.test(step.label) ? formatVnd(step.value) : String(step.value);
}

/** The first month not yet paid for. */
export function nextMonthOf(e: { paidThrough: string | null; startMonth: string }): string {
  return e.paidThrough ? addMonths(e.paidThrough, 1) : e.startMonth;
}

/** A telephone link that works from the dialler of any phone. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** "Tháng 11/2026 (1 tháng)" or "Từ tháng 11/2026 đến tháng 01/2027 (3 tháng)". */
export function periodText(
  t: (key: string, options?: Record<string, unknown>) => string,
  period: { from: string | null; to: string | null; months: number },
): string {
  // Missing years paid back are no particular months.
  if (period.from === null || period.to === null)
    return t('registry.pay.periodMissingYears', { months: period.months });
  return period.from === period.to
    ? t('registry.pay.periodOne', { month: formatMonth(period.from), months: period.months })
    : t('registry.pay.periodRange', {
        from: formatMonth(period.from),
        to: formatMonth(period.to),
        months: period.months,
      });
}
