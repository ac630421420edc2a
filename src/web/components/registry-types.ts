/** The shapes the registry, payment, receipt, cash and household endpoints return. Money is integer đồng. */
import type { Category } from '../../domain/law/index.ts';
import type { PeriodicMode, Status } from '../../domain/registry/periods.ts';
import type { List } from '../api.ts';

export type { Category, PeriodicMode, Status };

export type PayMode = PeriodicMode | 'advance' | 'catch_up' | 'backpay';
export type Method = 'cash' | 'bank_transfer' | 'vietqr';
export type Channel = 'post_office' | 'convoy' | 'event' | 'door_to_door' | 'online';
export type Product = 'vsi' | 'hhi';
export type EndStatus = 'retired' | 'lump_sum_withdrawn' | 'deceased';

export const PERIODIC: readonly PeriodicMode[] = ['monthly', 'quarterly', 'semiannual', 'annual'];
export const METHODS: readonly Method[] = ['cash', 'bank_transfer', 'vietqr'];
export const CHANNELS: readonly Channel[] = ['post_office', 'convoy', 'event', 'door_to_door', 'online'];
/** The categories that bring more support; none chosen means "other". */
export const SUPPORTED_CATEGORIES: readonly Category[] = [
  'poor',
  'near_poor',
  'ethnic_minority',
  'island_commune',
];

export interface Step {
  label: string;
  value: number | string;
}

export interface Quote {
  ruleVersion: string;
  months: number;
  grossMonthly: number;
  stateSupportMonthly: number;
  localSupportMonthly: number;
  netMonthly: number;
  supportedMonths: number;
  total: number;
  steps: Step[];
}

export interface Enrollment {
  id: number;
  monthlyIncome: number;
  paymentMode: PeriodicMode;
  startMonth: string;
  paidThrough: string | null;
  dueDate: string | null;
  status: Status;
  statusSince: string;
  supportedMonthsUsed: number;
  monthsPaid: number;
  channel: Channel;
  agentUserId: number | null;
  responsibleAgent: ResponsibleAgent | null;
  campaignId: number | null;
  eventId: number | null;
}

/** The collection agent whose worklist has this person's (or household's) next payment. */
export interface ResponsibleAgent {
  userId: number;
  fullName: string;
  username: string;
  unitName: string;
  /** The account still signs in. */
  active: boolean;
  /** A manager named them; false: they enrolled the person. */
  assigned: boolean;
}

/** An agent a manager may name, as `/participants/{id}/agents` lists them. */
export interface AgentOption {
  id: number;
  fullName: string;
  username: string;
  phone: string | null;
  unitName: string;
}

export interface Participant {
  id: number;
  personalId: string;
  fullName: string;
  birthDate: string;
  sex: 'M' | 'F';
  ethnicity: string | null;
  phone: string | null;
  commune: { code: string; name: string };
  province: { code: string; name: string };
  categories: Category[];
  categoryEvidence: Partial<Record<Category, string>>;
  contactConsent: boolean;
  contactConsentAt: string | null;
  orgUnit: { id: number; name: string };
  deceasedOn: string | null;
  isDemo: boolean;
  enrollment: Enrollment | null;
}

export interface Enrolled extends Participant {
  firstPayment: Quote;
}

export interface ParticipantItem {
  id: number;
  personalId: string;
  fullName: string;
  birthDate: string;
  sex: 'M' | 'F';
  phone: string | null;
  communeCode: string;
  provinceCode: string;
  orgUnit: { id: number; name: string };
  status: Status | null;
  paidThrough: string | null;
  dueDate: string | null;
}

export interface ParticipantList extends List<ParticipantItem> {
  capped: boolean;
}

export type TimelineKind = 'enrolled' | 'payment' | 'void' | 'status' | 'reminder' | 'household';

export interface TimelineItem {
  at: string;
  kind: TimelineKind;
  title: string;
  detail: string;
  amount?: number;
  receiptNumber?: string;
  /** The status code of a status change or a reminder. */
  status?: string;
  channel?: 'sms' | 'zalo';
}

export interface Period {
  from: string;
  to: string;
  months: number;
  gap: number;
}

export interface PaymentQuote {
  paymentDate: string;
  period: Period | null;
  quote: Quote;
}

export interface ReceiptLinks {
  number: string;
  pdf: string;
  html: string;
}

export interface PaymentResult {
  payment: {
    id: number;
    mode: string;
    months: number;
    amount: number;
    method: Method;
    paidOn: string;
    period: Period | null;
    ruleVersion: string;
  };
  receipt: ReceiptLinks;
  paidThrough: string | null;
  status: Status;
  dueDate: string | null;
}

export interface Receipt {
  number: string;
  issuedAt: string;
  product: Product;
  mode: string;
  method: Method;
  /** null for missing years paid back: no particular months. */
  coveredFrom: string | null;
  coveredTo: string | null;
  months: number;
  lines: { label: string; amount: number }[];
  total: number;
  ruleVersion: string;
  /** The monthly fund rate the collector entered, for a year the rules record none. */
  fundRateEntered?: number | null;
  participant: { fullName: string; maskedId: string; birthYear?: number; address?: string };
  household?: { members: { order: number; fullName: string; maskedId: string; monthly: number }[] };
  agent: { fullName: string; username: string; phone?: string | null };
  unit: { name: string; address?: string | null; phone?: string | null };
  nextDue?: { month: string; dueDate: string; amount: number; qrPayload: string } | null;
  voided?: { at: string; reason: string; by: string } | null;
  demo: boolean;
  /** For the signed-in: these need a session. */
  links: { pdf: string; html: string };
  /** Signed links the citizen opens without an account (the ID masked): what Share hands over. */
  share: { pdf: string; html: string };
}

// 'upcoming' (16–62 days) last: the list opens on the first bucket with someone in it.
export const BUCKETS = ['due_0', 'due_7', 'due_15', 'overdue', 'lapsed', 'upcoming'] as const;
export type Bucket = (typeof BUCKETS)[number];

export interface WorkItem {
  product: Product;
  id: number;
  participantId: number;
  fullName: string;
  personalId: string;
  phone: string | null;
  /** Agreed to receive payment reminders (the household head's, for a household). */
  contactConsent: boolean;
  communeCode: string;
  status: string;
  bucket: Bucket;
  dueDate: string;
  paidThrough: string | null;
  nextMonth: string | null;
  /** A periodic mode for VSI; the number of months ("3", "6", "12") for a household. */
  mode: string;
  amount: number | null;
}

export interface Worklist extends List<WorkItem> {
  counts: Record<Bucket, number>;
}

export interface LedgerEntry {
  id: number;
  kind: 'collection' | 'void' | 'remittance';
  amount: number;
  reference: string | null;
  note: string | null;
  at: string;
  onDate: string;
  recordedBy: string | null;
}

export interface Balance {
  balance: number;
  collected: number;
  remitted: number;
  overdue: number;
}

export interface Ledger extends Balance, List<LedgerEntry> {
  agent: { id: number; fullName: string; orgUnitName: string };
}

export interface Holder {
  agentUserId: number;
  fullName: string;
  username: string;
  orgUnitName: string;
  balance: number;
  overdue: number;
}

export interface Commission {
  id: number;
  name: string;
  orgUnitName: string;
  product: Product;
  receipts: number;
  collected: number;
  commission: number;
  demoRate: boolean;
}

export interface HouseholdItem {
  id: number;
  headName: string;
  headPersonalId: string;
  communeCode: string;
  address: string | null;
  members: number;
  paidThrough: string | null;
  dueDate: string | null;
}

export interface HouseholdMember {
  id: number;
  personId: number;
  fullName: string;
  personalId: string;
  birthDate: string;
  position: number;
  otherSource: boolean;
  fromMonth: string;
  toMonth: string | null;
  nextOrder: number | null;
  nextMonthly: number | null;
}

export interface Household {
  id: number;
  head: { id: number; fullName: string; personalId: string };
  communeCode: string;
  address: string | null;
  paymentMonths: 3 | 6 | 12;
  paidThrough: string | null;
  dueDate: string | null;
  orgUnitName: string;
  responsibleAgent: ResponsibleAgent | null;
  members: HouseholdMember[];
  nextPayment: {
    from: string;
    to: string;
    months: number;
    total: number;
    monthlyTotal: number;
    ruleVersion: string;
  } | null;
}

export interface MemberInput {
  personalId: string;
  fullName: string;
  birthDate: string;
  sex: 'M' | 'F';
  phone?: string;
  otherSource?: boolean;
}

export interface HouseholdPayResult {
  receipt: ReceiptLinks;
  period: { from: string; to: string; months: number };
  amount: number;
  paidThrough: string;
}

export interface CommuneOption {
  code: string;
  name: string;
  provinceCode: string | null;
}

export const REMINDER_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];
export const REMINDER_CHANNELS = ['sms', 'zalo'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

/** One message of the reminders outbox (`GET /reminders`). */
export interface Reminder {
  id: number;
  product: Product;
  householdId: number | null;
  channel: ReminderChannel;
  /** The first month the payment covers. */
  period: string;
  dueDate: string;
  amount: number;
  body: string;
  status: ReminderStatus;
  createdAt: string;
  sentAt: string | null;
  error: string | null;
  attempts: number;
  participant: { id: number; fullName: string; maskedId: string; communeCode: string };
  /** Who sent it by hand ("Nhắc đóng"); null: the daily job. */
  requestedBy: { id: number; fullName: string } | null;
}
