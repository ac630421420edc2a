import { Card } from 'antd';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calculate, provincesAt, type RuleBook } from '../../domain/law/index.ts';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatDate, formatMonth, formatNumber, formatVnd } from '../format.ts';
import { currentLang } from '../i18n.ts';
import { VsiInputs } from './calculator.inputs.tsx';
import {
  hasMonths,
  incomeRange,
  type PersonForm,
  placeErrors,
  type VsiForm,
  vsiInput,
} from './calculator.model.ts';
import { PrintInputs } from './calculator.print.tsx';
import { Projection } from './calculator.projection.tsx';
import { VsiResult } from './calculator.result.tsx';

interface Props {
  book: RuleBook;
  paymentDate: string;
  onPaymentDate: (date: string) => void;
}

type Fields = Omit<VsiForm, 'paymentDate'>;

/** The VSI quote, live as the inputs change, and the pension projection below it. */
export function VsiCalculator({ book, paymentDate, onPaymentDate }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const isMobile = useIsMobile();
  const range = incomeRange(book, paymentDate);
  const [fields, setFields] = useState<Fields>(() => ({
    income: range?.min ?? null,
    categories: ['other'],
    provinceCode: undefined,
    mode: 'monthly',
    months: 12,
    supportedMonthsUsed: null,
    fundRatePct: null,
  }));
  const [person, setPerson] = useState<PersonForm>({
    birthMonth: undefined,
    sex: undefined,
    contributedMonths: 0,
  });
  const form: VsiForm = { ...fields, paymentDate };

  // Someone on the floor stays on the floor when the date moves into another poverty line.
  const floor = range?.min;
  const lastFloor = useRef(floor);
  useEffect(() => {
    const before = lastFloor.current;
    lastFloor.current = floor;
    if (floor !== undefined && before !== undefined && floor !== before) {
      setFields((f) => (f.income === before ? { ...f, income: floor } : f));
    }
  }, [floor]);
  // A province of the old map means nothing after 2025-07-01, and the other way round.
  const provinces = provincesAt(paymentDate);
  const staleProvince = fields.provinceCode !== undefined && !(fields.provinceCode in provinces);
  useEffect(() => {
    if (staleProvince) setFields((f) => ({ ...f, provinceCode: undefined }));
  }, [staleProvince]);

  const outcome = calculate('vsi-quote', vsiInput(form), { book, lang });
  const placed = placeErrors(outcome.ok ? undefined : outcome.error);
  const resultRef = useRef<HTMLDivElement>(null);
  const resultInView = useInView(resultRef);

  const onChange = (patch: Partial<VsiForm>) => {
    const { paymentDate: date, ...rest } = patch;
    if (date !== undefined) onPaymentDate(date);
    setFields((f) => ({ ...f, ...rest }));
  };
  const none = t('calc.none');
  const printed: [string, string][] = [
    [t('calc.paymentDate'), formatDate(paymentDate)],
    [t('calc.income'), form.income === null ? '—' : formatVnd(form.income)],
    [t('calc.categories'), form.categories.map((c) => t(`calc.category.${c}`)).join(', ')],
    [t('calc.province'), (form.provinceCode && provinces[form.provinceCode]) || none],
    [t('calc.mode'), t(`calc.modes.${form.mode}`)],
    ...(hasMonths(form.mode) ? [[t('calc.months'), String(form.months ?? '—')] as [string, string]] : []),
    [t('calc.usedMonths'), formatNumber(form.supportedMonthsUsed ?? 0)],
    ...(person.birthMonth
      ? [[t('calc.projection.birthMonth'), formatMonth(person.birthMonth)] as [string, string]]
      : []),
    ...(person.sex
      ? [[t('calc.projection.sex'), t(`calc.projection.sexes.${person.sex}`)] as [string, string]]
      : []),
    ...(person.birthMonth && person.sex
      ? [[t('calc.projection.contributed'), formatNumber(person.contributedMonths ?? 0)] as [string, string]]
      : []),
  ];

  return (
    <>
      <PrintInputs items={printed} />
      <div className="calc-grid">
        <Card title={t('calc.inputs')} className="calc-inputs no-print" size="small">
          <VsiInputs form={form} onChange={onChange} errors={placed.byField} range={range} book={book} />
        </Card>
        <div ref={resultRef} className="calc-result-wrap">
          <Card title={t('calc.result')} className="calc-result" size="small">
            <section aria-label={t('calc.resultLabel')}>
              <VsiResult form={form} outcome={outcome} errors={placed} rate={range?.rate ?? 0.22} />
            </section>
          </Card>
        </div>
      </div>
      <Card title={t('calc.projection.title')} className="calc-projection" size="small">
        <Projection
          book={book}
          form={form}
          person={person}
          onPerson={(patch) => setPerson((p) => ({ ...p, ...patch }))}
          quoteOk={outcome.ok}
        />
      </Card>
      {isMobile && outcome.ok && !resultInView && (
        <button
          type="button"
          className="calc-sticky no-print"
          aria-label={`${t('calc.seeResult')}: ${t('calc.totalShort')} ${formatVnd(outcome.result.total)}`}
          onClick={() => resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
        >
          <span>{t('calc.totalShort')}</span>
          <strong>{formatVnd(outcome.result.total)}</strong>
        </button>
      )}
    </>
  );
}

/** Whether the element is on screen: the phone's sticky total shows only while the result is not. */
function useInView(ref: RefObject<HTMLElement | null>): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setInView(entry?.isIntersecting ?? true), {
      rootMargin: '0px 0px -35% 0px',
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}
