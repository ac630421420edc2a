/** The shapes the registry, payment, receipt, cash and household endpoints return. Money is integer đồng. */
import type { Category } from '../../domain/law/index.ts';
import type { PeriodicMode, Status } from '../../domain/registry/periods.ts';
import type { List } from '../api.ts';

export type { Category, PeriodicMode, Status };

export type PayMode = PeriodicMode | 'advance' | 'catch_up';
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
  campaignId: number | null;
  eventId: number | null;
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
  coveredFrom: string;
  coveredTo: string;
  months: number;
  lines: { label: string; amount: number }[];
  total: number;
  ruleVersion: string;
  participant: { fullName: string; maskedId: string; birthYear?: number; address?: string };
  household?: { members: { order: number; fullName: string; maskedId: string; monthly: number }[] };
  agent: { fullName: string; username: string; phone?: string | null };
  unit: { name: string; address?: string | null; phone?: string | null };
  nextDue?: { month: string; dueDate: string; amount: number; qrPayload: string } | null;
  voided?: { at: string; reason: string; by: string } | null;
  demo: boolean;
  links: { pdf: string; html: string };
}

export const BUCKETS = ['due_0', 'due_7', 'due_15', 'overdue', 'lapsed'] as const;
export type Bucket = (typeof BUCKETS)[number];

export interface WorkItem {
  product: Product;
  id: number;
  participantId: number;
  fullName: string;
  personalId: string;
  phone: string | null;
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
