/**
 * The enrollment form as plain data, and the pure steps between it and the law engine and the API:
 * the ID check, the first-payment quote, the months a person may start from, the request body.
 */
import type { Dayjs } from 'dayjs';
import {
  addMonths,
  type CalcError,
  type CitizenIdResult,
  calculate,
  findRulesAt,
  type Lang,
  monthOfDate,
  type RuleBook,
  type VsiQuoteResult,
} from '../../domain/law/index.ts';
import type { Category, Channel, PeriodicMode } from '../components/registry-types.ts';

export interface EnrollValues {
  personalId?: string;
  fullName?: string;
  birthDate?: Dayjs | null;
  sex?: 'M' | 'F';
  phone?: string;
  ethnicity?: string;
  communeCode?: string;
  categories?: Category[];
  evidence?: Partial<Record<Category, string>>;
  contactConsent?: boolean;
  monthlyIncome?: number | null;
  paymentMode?: PeriodicMode;
  startMonth?: string;
  channel?: Channel;
  notCompulsory?: boolean;
  noPension?: boolean;
}

export const ID_LENGTH = 12;

/** People write the number in groups ("001 090 123456"); keep the digits only. */
export function cleanId(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, '');
}

export function isoDate(value: Dayjs | null | undefined): string | undefined {
  return value?.isValid() ? value.format('YYYY-MM-DD') : undefined;
}

/** The personal ID checked against the birth date and sex, exactly as the server will check it. */
export function checkId(
  book: RuleBook,
  today: string,
  lang: Lang,
  v: { personalId?: string; birthDate?: Dayjs | null; sex?: 'M' | 'F' },
): CitizenIdResult | null {
  const id = cleanId(v.personalId);
  if (!id) return null;
  const outcome = calculate(
    'citizen-id',
    { id, birthDate: isoDate(v.birthDate), sex: v.sex },
    { book, today, lang },
  );
  return outcome.ok ? outcome.result : null;
}

export interface QuoteState {
  result: VsiQuoteResult | null;
  /** Errors of the fields the engine names; the income error is shown under the income field. */
  errors: readonly CalcError[];
}

/** The first payment as the server will price it on enrollment: paid today, no support used yet. */
export function firstQuote(
  book: RuleBook,
  today: string,
  lang: Lang,
  v: { monthlyIncome?: number | null; paymentMode?: PeriodicMode; categories?: Category[] },
  provinceCode: string | null,
): QuoteState {
  if (!v.monthlyIncome || !v.paymentMode) return { result: null, errors: [] };
  const categories = v.categories?.length ? v.categories : ['other'];
  const outcome = calculate(
    'vsi-quote',
    {
      paymentDate: today,
      monthlyIncome: v.monthlyIncome,
      mode: v.paymentMode,
      categories,
      ...(provinceCode ? { provinceCode } : {}),
      supportedMonthsUsed: 0,
    },
    { book, today, lang },
  );
  if (outcome.ok) return { result: outcome.result, errors: [] };
  return { result: null, errors: outcome.error.details ?? [outcome.error] };
}

/** The server accepts a start from last month to twelve months ahead. */
export function startMonths(today: string): string[] {
  const current = monthOfDate(today);
  return Array.from({ length: 14 }, (_, i) => addMonths(current, i - 1));
}

/**
 * What the form starts with when opened for a known person, e.g. a campaign's lead (the search
 * params of /nguoi-tham-gia/dang-ky): their name, phone, commune and personal ID, their consent,
 * and the campaign, event and channel the enrollment is counted for.
 */
export interface EnrollPrefill {
  ten?: string;
  sdt?: string;
  xa?: string;
  cccd?: string;
  dongY?: 1;
  chienDich?: number;
  hoatDong?: number;
  kenh?: Channel;
}

const CHANNEL_VALUES: readonly string[] = ['post_office', 'convoy', 'event', 'door_to_door', 'online'];

/** The prefill as the address gives it, anything malformed left out. */
export function readEnrollPrefill(search: Record<string, unknown>): EnrollPrefill {
  const text = (v: unknown, pattern: RegExp) => (typeof v === 'string' && pattern.test(v) ? v : undefined);
  const id = (v: unknown) => (Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : undefined);
  const values: EnrollPrefill = {
    ten: text(search.ten, /^.{2,120}$/),
    sdt: text(search.sdt, /^[0-9 +().-]{8,20}$/),
    xa: text(search.xa, /^\d{5}$/),
    cccd: text(search.cccd, /^\d{12}$/),
    dongY: Number(search.dongY) === 1 ? 1 : undefined,
    chienDich: id(search.chienDich),
    hoatDong: id(search.hoatDong),
    kenh: CHANNEL_VALUES.includes(String(search.kenh)) ? (search.kenh as Channel) : undefined,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as EnrollPrefill;
}

/** The form's first values from a prefill. */
export function prefilledValues(p: EnrollPrefill): Partial<EnrollValues> {
  return {
    ...(p.ten ? { fullName: p.ten } : {}),
    ...(p.sdt ? { phone: p.sdt } : {}),
    ...(p.xa ? { communeCode: p.xa } : {}),
    ...(p.cccd ? { personalId: p.cccd } : {}),
    ...(p.dongY ? { contactConsent: true } : {}),
    ...(p.kenh ? { channel: p.kenh } : {}),
  };
}

export function enrollBody(v: EnrollValues, counted: { campaignId?: number; eventId?: number } = {}) {
  const categories = v.categories ?? [];
  const evidence = Object.fromEntries(
    categories.flatMap((c) => {
      const text = v.evidence?.[c]?.trim();
      return text ? [[c, text]] : [];
    }),
  );
  return {
    personalId: cleanId(v.personalId),
    fullName: (v.fullName ?? '').trim().replace(/\s+/g, ' '),
    birthDate: isoDate(v.birthDate),
    sex: v.sex,
    phone: v.phone?.trim() || undefined,
    ethnicity: v.ethnicity?.trim() || undefined,
    communeCode: v.communeCode,
    categories,
    categoryEvidence: Object.keys(evidence).length ? evidence : undefined,
    contactConsent: Boolean(v.contactConsent),
    monthlyIncome: v.monthlyIncome ?? undefined,
    paymentMode: v.paymentMode,
    startMonth: v.startMonth,
    channel: v.channel,
    declarations: { notCompulsory: Boolean(v.notCompulsory), noPension: Boolean(v.noPension) },
    ...(counted.campaignId ? { campaignId: counted.campaignId } : {}),
    ...(counted.eventId ? { eventId: counted.eventId } : {}),
  };
}

export interface IncomeRange {
  min: number;
  max: number;
  step: number;
}

/** The income range in force today: the poverty line, its steps, the ceiling (RULES.md §2). */
export function incomeRange(book: RuleBook, today: string): IncomeRange | null {
  const v = findRulesAt(book, today)?.values;
  const min = v?.['vsi.poverty_line'];
  const multiplier = v?.['vsi.max_income_multiplier'];
  const base = v?.['salary.reference'] ?? v?.['salary.base'];
  if (min === undefined || multiplier === undefined || base === undefined) return null;
  return { min, max: multiplier * base, step: v?.['vsi.income_step'] || 1000 };
}
