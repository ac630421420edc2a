import { Checkbox, Collapse, DatePicker, Form, InputNumber, Select, Slider } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CATEGORIES,
  type Category,
  provincesAt,
  type RuleBook,
  rulesAt,
  VSI_MODES,
} from '../../domain/law/index.ts';
import { normalizeSearch } from '../../domain/units/normalize.ts';
import { useDay } from '../components/use-day.ts';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { DATE_FORMAT, formatNumber, formatRate, formatVnd } from '../format.ts';
import { type FormField, hasMonths, type IncomeRange, snapIncome, type VsiForm } from './calculator.model.ts';

interface Props {
  form: VsiForm;
  onChange: (patch: Partial<VsiForm>) => void;
  errors: Partial<Record<FormField, string>>;
  range: IncomeRange | null;
  book: RuleBook;
}

export const moneyInput = {
  formatter: (value: number | string | undefined) =>
    value === undefined || value === '' ? '' : formatNumber(Number(value)),
  parser: (text: string | undefined) => Number((text ?? '').replace(/\D/g, '')),
};

/** A person picks "near-poor" or "other", never both: the specific category replaces the default. */
function nextCategories(previous: Category[], next: Category[]): Category[] {
  const added = next.find((c) => !previous.includes(c));
  if (added === 'other') return ['other'];
  const specific = next.filter((c) => c !== 'other');
  return specific.length > 0 ? specific : ['other'];
}

function status(error: string | undefined) {
  return error ? { validateStatus: 'error' as const, help: error } : {};
}

/** The quote's inputs. Every change recomputes at once; the engine's errors sit under their fields. */
export function VsiInputs({ form, onChange, errors, range, book }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const paymentDay = useDay(form.paymentDate);
  const provinces = useMemo(
    () =>
      Object.entries(provincesAt(form.paymentDate))
        .map(([code, name]) => ({ value: code, label: name, search: normalizeSearch(name) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    [form.paymentDate],
  );
  const rules = useMemo(() => {
    try {
      return rulesAt(book, form.paymentDate);
    } catch {
      return undefined;
    }
  }, [book, form.paymentDate]);
  const recordedRate = rules?.values['vsi.fund_rate'];
  const cap = rules?.values['vsi.support_cap_months'] ?? 120;
  const rangeHelp = range
    ? t('calc.incomeRange', {
        min: formatVnd(range.min),
        max: formatVnd(range.max),
        multiplier: range.multiplier,
        base: t(`calc.incomeBase.${range.base}`),
        step: formatVnd(range.step),
      })
    : undefined;
  const incomeError = form.income === null ? t('calc.incomeRequired') : errors.monthlyIncome;

  return (
    <Form layout="vertical" component="div" className="calc-form" requiredMark={false}>
      <Form.Item label={t('calc.paymentDate')} htmlFor="calc-date" {...status(errors.paymentDate)}>
        <DatePicker
          id="calc-date"
          className="full-width"
          format={DATE_FORMAT}
          allowClear={false}
          inputReadOnly={isMobile}
          value={paymentDay}
          onChange={(d) => d && onChange({ paymentDate: d.format('YYYY-MM-DD') })}
        />
      </Form.Item>

      <Form.Item
        label={t('calc.income')}
        htmlFor="calc-income"
        validateStatus={incomeError ? 'error' : undefined}
        help={incomeError ?? rangeHelp}
      >
        <InputNumber<number>
          id="calc-income"
          className="full-width calc-income"
          size="large"
          inputMode="numeric"
          controls={false}
          suffix="đ"
          value={form.income}
          formatter={moneyInput.formatter}
          parser={moneyInput.parser}
          onChange={(v) => onChange({ income: v ?? null })}
        />
        {range && (
          <Slider
            className="calc-slider"
            min={range.min}
            max={range.max}
            step={range.step}
            value={snapIncome(form.income ?? range.min, range)}
            onChange={(v) => onChange({ income: v })}
            ariaLabelForHandle={t('calc.incomeSlider')}
            tooltip={{ formatter: (v) => (v === undefined ? '' : formatVnd(v)) }}
          />
        )}
      </Form.Item>

      <Form.Item label={t('calc.categories')} extra={t('calc.categoriesHint')} {...status(errors.categories)}>
        <Checkbox.Group<Category>
          className="calc-categories"
          aria-label={t('calc.categories')}
          value={form.categories}
          onChange={(next) => onChange({ categories: nextCategories(form.categories, next) })}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`calc.category.${c}`) }))}
        />
      </Form.Item>

      <Form.Item label={t('calc.province')} htmlFor="calc-province" {...status(errors.provinceCode)}>
        <Select
          id="calc-province"
          allowClear
          placeholder={t('calc.provincePlaceholder')}
          value={form.provinceCode}
          onChange={(code?: string) => onChange({ provinceCode: code ?? undefined })}
          options={provinces}
          showSearch={{
            filterOption: (input, option) => (option?.search ?? '').includes(normalizeSearch(input)),
          }}
        />
      </Form.Item>

      <Form.Item label={t('calc.mode')} htmlFor="calc-mode" {...status(errors.mode)}>
        <Select
          id="calc-mode"
          value={form.mode}
          onChange={(mode) => onChange({ mode })}
          options={VSI_MODES.map((m) => ({ value: m, label: t(`calc.modes.${m}`) }))}
        />
      </Form.Item>

      {hasMonths(form.mode) && (
        <>
          <Form.Item
            label={t('calc.months')}
            htmlFor="calc-months"
            validateStatus={errors.months || form.months === null ? 'error' : undefined}
            help={
              errors.months ??
              (form.months === null
                ? t('calc.monthsRequired')
                : t(form.mode === 'advance' ? 'calc.monthsAdvanceHint' : 'calc.monthsBackpayHint'))
            }
          >
            <InputNumber<number>
              id="calc-months"
              className="full-width"
              inputMode="numeric"
              precision={0}
              value={form.months}
              onChange={(v) => onChange({ months: v ?? null })}
            />
          </Form.Item>
          <Form.Item
            label={t('calc.fundRate')}
            htmlFor="calc-rate"
            validateStatus={errors.fundRate ? 'error' : undefined}
            help={errors.fundRate ? `${errors.fundRate}. ${t('calc.fundRateHint')}` : t('calc.fundRateHint')}
          >
            <InputNumber<number>
              id="calc-rate"
              className="full-width"
              inputMode="decimal"
              decimalSeparator=","
              min={0}
              step={0.01}
              suffix="%"
              placeholder={
                recordedRate === undefined
                  ? undefined
                  : t('calc.fundRateRecorded', {
                      rate: formatRate(recordedRate),
                    })
              }
              value={form.fundRatePct}
              onChange={(v) => onChange({ fundRatePct: v ?? null })}
            />
          </Form.Item>
        </>
      )}

      <Collapse
        ghost
        size="small"
        className="calc-advanced"
        {...(errors.supportedMonthsUsed ? { activeKey: ['advanced'] } : {})}
        items={[
          {
            key: 'advanced',
            label: t('calc.advanced'),
            forceRender: true,
            children: (
              <Form.Item
                label={t('calc.usedMonths')}
                htmlFor="calc-used"
                validateStatus={errors.supportedMonthsUsed ? 'error' : undefined}
                help={errors.supportedMonthsUsed ?? t('calc.usedMonthsHint', { cap })}
              >
                <InputNumber<number>
                  id="calc-used"
                  className="full-width"
                  inputMode="numeric"
                  precision={0}
                  min={0}
                  value={form.supportedMonthsUsed}
                  onChange={(v) => onChange({ supportedMonthsUsed: v ?? null })}
                />
              </Form.Item>
            ),
          },
        ]}
      />
    </Form>
  );
}
