import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Network, OrgKind } from '../domain/orgs/kinds.ts';

/** Table types for Kysely. Dates are 'YYYY-MM-DD' strings, timestamps are Date, money is integer đồng. */
export interface DB {
  province: ProvinceTable;
  commune: CommuneTable;
  legacy_unit: LegacyUnitTable;
  legacy_lineage: LegacyLineageTable;
  org_unit: OrgUnitTable;
  org_unit_commune: OrgUnitCommuneTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  denominator: DenominatorTable;
  system_setting: SystemSettingTable;
  audit_log: AuditLogTable;
  law_parameter: LawParameterTable;
  law_topup: LawTopupTable;
  law_change: LawChangeTable;
  law_rule_set: LawRuleSetTable;
  participant: ParticipantTable;
  vsi_enrollment: VsiEnrollmentTable;
  status_change: StatusChangeTable;
  household: HouseholdTable;
  household_member: HouseholdMemberTable;
  receipt_series: ReceiptSeriesTable;
  payment: PaymentTable;
  receipt: ReceiptTable;
  cash_entry: CashEntryTable;
  commission_rate: CommissionRateTable;
  reminder: ReminderTable;
  idempotency_key: IdempotencyKeyTable;
  job_run: JobRunTable;
  campaign: CampaignTable;
  bridge_point: BridgePointTable;
  activity: ActivityTable;
  compliance_item: ComplianceItemTable;
  target: TargetTable;
  lead: LeadTable;
  enrollment_retention: EnrollmentRetentionTable;
  stat_commune_day: StatCommuneDayTable;
  stat_province_day: StatProvinceDayTable;
  stat_unit: StatUnitTable;
  stat_agent: StatAgentTable;
  stat_coverage_month: StatCoverageMonthTable;
  stat_funnel: StatFunnelTable;
  report_export: ReportExportTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ProvinceTable {
  code: string;
  name: string;
  short_name: string;
  abbreviation: string;
  kind: string;
  name_search: string;
  valid_from: ColumnType<string, string | undefined, string>;
  valid_to: string | null;
}

export interface CommuneTable {
  code: string;
  province_code: string;
  name: string;
  kind: 'phuong' | 'xa' | 'dac_khu';
  name_search: string;
  valid_from: ColumnType<string, string | undefined, string>;
  valid_to: string | null;
}

export interface LegacyUnitTable {
  id: Generated<number>;
  level: 'province' | 'district' | 'commune';
  code: string;
  name: string;
  name_search: string;
  parent_id: number | null;
  province_code: string;
  valid_to: ColumnType<string, string | undefined, string>;
}

export interface LegacyLineageTable {
  legacy_unit_id: number;
  commune_code: string;
}

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_search: string;
  network: Network;
  kind: OrgKind;
  parent_id: number | null;
  path: string;
  province_code: string | null;
  address: string | null;
  phone: string | null;
  is_demo: Generated<boolean>;
  created_at: DefaultedTimestamp;
  closed_at: Timestamp | null;
}

export interface OrgUnitCommuneTable {
  org_unit_id: number;
  commune_code: string;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  name_search: string;
  role: string;
  org_unit_id: number;
  password_hash: string;
  phone: string | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  last_login_at: Timestamp | null;
  is_demo: Generated<boolean>;
  created_at: DefaultedTimestamp;
}

export interface UserSessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface DenominatorTable {
  province_code: string;
  as_of: string;
  labour_force: number;
  compulsory_participants: number;
  source: string;
  is_demo: Generated<boolean>;
  voluntary_outside: Generated<number>;
}

export interface SystemSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: number | null;
  actor_username: string | null;
  actor_org_unit_id: number | null;
  ip: string | null;
  request_id: string | null;
  action: 'insert' | 'update' | 'delete';
  entity: string;
  entity_id: string;
  org_unit_id: number | null;
  changes: Record<string, { before: unknown; after: unknown }>;
  prev_hash: string;
  hash: string;
}

export type OrgUnit = Selectable<OrgUnitTable>;
export type AppUser = Selectable<AppUserTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;

export interface LawParameterTable {
  id: Generated<number>;
  key: string;
  scope: string | null;
  value: number;
  valid_from: string;
  valid_to: string | null;
  basis: string;
  confidence: 'H' | 'M' | 'L';
  created_at: DefaultedTimestamp;
  created_by: string | null;
}

export interface LawTopupTable {
  id: Generated<number>;
  province_code: string;
  category: string;
  value: number;
  valid_from: string;
  valid_to: string | null;
  basis: string;
  confidence: 'H' | 'M' | 'L';
  created_at: DefaultedTimestamp;
  created_by: string | null;
}

export interface LawChangeTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  username: string;
  kind: 'parameter' | 'topup' | 'seed';
  change: ColumnType<unknown, string, string>;
  summary: string;
}

export interface LawRuleSetTable {
  id: string;
  valid_from: string;
  valid_to: string | null;
  content: ColumnType<unknown, string, string>;
  first_seen_at: Timestamp;
}

type Json = ColumnType<unknown, string, string>;
type Id = Generated<number>;

export interface ParticipantTable {
  id: Id;
  personal_id: string;
  full_name: string;
  name_search: string;
  birth_date: string;
  sex: 'M' | 'F';
  ethnicity: string | null;
  phone: string | null;
  commune_code: string;
  province_code: string;
  categories: string[];
  category_evidence: Json;
  contact_consent: boolean;
  contact_consent_at: Timestamp | null;
  org_unit_id: number;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deceased_on: string | null;
  is_demo: Generated<boolean>;
}

export interface VsiEnrollmentTable {
  id: Id;
  participant_id: number;
  monthly_income: number;
  payment_mode: 'monthly' | 'quarterly' | 'semiannual' | 'annual';
  start_month: string;
  paid_through: string | null;
  due_date: string | null;
  status: string;
  status_since: string;
  supported_months_used: Generated<number>;
  months_paid: Generated<number>;
  /** Who enrolled the person: the roll-ups credit the enrollment to them. */
  agent_user_id: number | null;
  /** The agent a manager made responsible for collecting; null: whoever enrolled them. */
  collector_user_id: number | null;
  org_unit_id: number;
  channel: string;
  campaign_id: number | null;
  event_id: number | null;
  eligibility: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
  is_demo: Generated<boolean>;
}

export interface StatusChangeTable {
  id: Id;
  enrollment_id: number;
  from_status: string | null;
  to_status: string;
  on_date: string;
  reason: string;
  at: Timestamp;
}

export interface HouseholdTable {
  id: Id;
  head_person_id: number;
  commune_code: string;
  province_code: string;
  address: string | null;
  payment_months: Generated<number>;
  paid_through: string | null;
  due_date: string | null;
  org_unit_id: number;
  agent_user_id: number | null;
  /** The agent a manager made responsible for collecting; null: whoever registered the household. */
  collector_user_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  is_demo: Generated<boolean>;
  campaign_id: number | null;
  channel: Generated<'post_office' | 'convoy' | 'event' | 'door_to_door' | 'online'>;
  event_id: number | null;
}

export interface HouseholdMemberTable {
  id: Id;
  household_id: number;
  person_id: number;
  position: number;
  other_source: Generated<boolean>;
  from_month: string;
  to_month: string | null;
  created_at: Timestamp;
  is_demo: Generated<boolean>;
}

export interface ReceiptSeriesTable {
  id: Id;
  agent_user_id: number;
  device: string | null;
  first_number: number;
  last_number: number;
  next_number: number;
  allocated_at: Timestamp;
}

export interface PaymentTable {
  id: Id;
  product: 'vsi' | 'hhi';
  participant_id: number | null;
  enrollment_id: number | null;
  household_id: number | null;
  mode: string;
  months: number;
  covered_from: string | null;
  covered_to: string | null;
  amount: number;
  supported_months: Generated<number>;
  rule_version: string;
  quote: Json;
  method: 'cash' | 'bank_transfer' | 'vietqr';
  paid_on: string;
  agent_user_id: number | null;
  org_unit_id: number;
  province_code: string;
  commune_code: string;
  channel: string;
  campaign_id: number | null;
  event_id: number | null;
  created_at: Timestamp;
  voided_at: Timestamp | null;
  void_reason: string | null;
  voided_by: number | null;
  is_demo: Generated<boolean>;
  /** The monthly fund rate r the collector entered, when none was recorded for the year (0015). */
  fund_rate_entered: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ReceiptTable {
  id: Id;
  number: string;
  series_id: number;
  payment_id: number;
  issued_at: Timestamp;
  amount: number;
  voided_at: Timestamp | null;
  void_reason: string | null;
  is_demo: Generated<boolean>;
}

export interface CashEntryTable {
  id: Id;
  agent_user_id: number;
  org_unit_id: number;
  kind: 'collection' | 'void' | 'remittance';
  amount: number;
  payment_id: number | null;
  reference: string | null;
  note: string | null;
  recorded_by: number | null;
  at: Timestamp;
  on_date: string;
  is_demo: Generated<boolean>;
}

export interface CommissionRateTable {
  id: Generated<number>;
  product: 'vsi' | 'hhi';
  rate: number;
  valid_from: string;
  valid_to: string | null;
  basis: string;
  is_demo: Generated<boolean>;
}

export interface ReminderTable {
  id: Id;
  participant_id: number;
  enrollment_id: number | null;
  household_id: number | null;
  channel: 'sms' | 'zalo';
  period_month: string;
  due_date: string;
  amount: number;
  body: string;
  token: string;
  status: 'queued' | 'sending' | 'sent' | 'failed';
  created_at: Timestamp;
  sent_at: Timestamp | null;
  error: string | null;
  attempts: Generated<number>;
  /** When a worker took it for sending; a claim older than a few minutes was abandoned. */
  claimed_at: Timestamp | null;
  /** Who sent it by hand ("Nhắc đóng ngay"); null: the daily job queued it. */
  requested_by_user_id: number | null;
}

export interface IdempotencyKeyTable {
  key: string;
  user_key: string;
  method: string;
  route: string;
  request_hash: string;
  status: number | null;
  response: ColumnType<unknown, string | null, string | null>;
  created_at: Timestamp;
  /** The request that holds the claim. */
  request_id: string | null;
  /** Set by that request's write transaction: its changes are in. */
  committed_at: Timestamp | null;
}

export interface JobRunTable {
  job: string;
  run_date: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  cursor: Generated<number>;
  processed: Generated<number>;
  changed: Generated<number>;
}

export interface CampaignTable {
  id: Id;
  name: string;
  theme: string;
  starts_on: string;
  ends_on: string;
  products: string[];
  organisers: string[];
  legal_basis: string | null;
  description: string | null;
  launch_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
  is_demo: Generated<boolean>;
}

export interface BridgePointTable {
  id: Id;
  campaign_id: number;
  parent_id: number | null;
  level: 'central' | 'provincial' | 'grassroots' | 'post_office';
  org_unit_id: number;
  name: string;
  form: 'online' | 'rebroadcast' | 'in_person';
  stream_url: string | null;
  planned_attendance: number | null;
  live_at: Timestamp | null;
  attendance: number | null;
  checked_in_by: number | null;
  is_demo: Generated<boolean>;
}

export interface ActivityTable {
  id: Id;
  campaign_id: number;
  org_unit_id: number;
  province_code: string;
  kind: string;
  on_date: string;
  title: string;
  cars: Generated<number>;
  motorbikes: Generated<number>;
  route: string | null;
  communes: Generated<string[]>;
  people_reached: Generated<number>;
  attendees: Generated<number>;
  items: Generated<number>;
  /** How many of its kind the entry stands for (groups, broadcasts, articles, parades…). */
  quantity: Generated<number>;
  note: string | null;
  created_by: number | null;
  created_at: Timestamp;
  is_demo: Generated<boolean>;
}

export interface ComplianceItemTable {
  id: Id;
  activity_id: number | null;
  bridge_id: number | null;
  label: string;
  confirmed_by: number | null;
  confirmed_at: Timestamp | null;
  note: string | null;
}

export interface TargetTable {
  id: Id;
  campaign_id: number;
  product: 'vsi' | 'hhi';
  org_unit_id: number | null;
  agent_user_id: number | null;
  legacy_unit_id: number | null;
  parent_id: number | null;
  period_start: string;
  period_end: string;
  amount: number;
  proposed: number | null;
  overridden: Generated<boolean>;
  set_by: number | null;
  set_at: Timestamp;
  is_demo: Generated<boolean>;
}

export interface LeadTable {
  id: Id;
  campaign_id: number | null;
  source: string;
  event_id: number | null;
  participant_id: number | null;
  full_name: string;
  phone: string | null;
  commune_code: string;
  province_code: string;
  channel: string;
  consent: Generated<boolean>;
  purpose: string;
  assigned_to: number | null;
  org_unit_id: number;
  /** Set by a trigger from the dates (0011): never written by the app. */
  status: ColumnType<'new' | 'contacted' | 'consulted' | 'enrolled' | 'paid' | 'lost', undefined, never>;
  contacted_at: Timestamp | null;
  consulted_at: Timestamp | null;
  enrolled_at: Timestamp | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  is_demo: Generated<boolean>;
  name_search: Generated<string>;
  personal_id: string | null;
  enrollment_id: number | null;
  payment_id: number | null;
  paid_at: Timestamp | null;
  lost_at: Timestamp | null;
  lost_reason: string | null;
  created_by: number | null;
}

/** One row per campaign enrollment judged at 12 months: the marker the retention job counts once by. */
export interface EnrollmentRetentionTable {
  enrollment_id: number;
  campaign_id: number;
  org_unit_id: number;
  agent_user_id: number;
  channel: string;
  first_paid_on: string;
  retained: boolean;
  evaluated_on: string;
}

interface Counters {
  enrollments: Generated<number>;
  first_payments: Generated<number>;
  payments: Generated<number>;
  amount: Generated<number>;
}

export interface StatCommuneDayTable extends Counters {
  day: string;
  campaign_id: number;
  product: string;
  channel: string;
  province_code: string;
  commune_code: string;
}

export interface StatProvinceDayTable extends Counters {
  day: string;
  campaign_id: number;
  product: string;
  province_code: string;
}

export interface StatUnitTable extends Counters {
  campaign_id: number;
  product: string;
  org_unit_id: number;
}

export interface StatAgentTable extends Counters {
  campaign_id: number;
  product: string;
  agent_user_id: number;
  org_unit_id: number;
  province_code: string;
}

export interface StatCoverageMonthTable {
  month: string;
  province_code: string;
  vsi: number;
  hhi: number;
}

export interface StatFunnelTable {
  campaign_id: number;
  org_unit_id: number;
  agent_user_id: number;
  channel: string;
  contacted: Generated<number>;
  consulted: Generated<number>;
  enrolled: Generated<number>;
  first_paid: Generated<number>;
  retained_12m: Generated<number>;
}

export interface ReportExportTable {
  id: Id;
  requested_by: number;
  kind: 'progress' | 'funnel' | 'kpis' | 'coverage' | 'lapsed';
  format: 'csv' | 'xlsx' | 'pdf';
  params: ColumnType<unknown, string, string>;
  lang: ColumnType<'vi' | 'en', 'vi' | 'en' | undefined, 'vi' | 'en'>;
  status: ColumnType<
    'queued' | 'running' | 'done' | 'failed' | 'cancelled',
    'queued' | undefined,
    'queued' | 'running' | 'done' | 'failed' | 'cancelled'
  >;
  rows_done: Generated<number>;
  rows_total: number | null;
  file_path: string | null;
  file_name: string | null;
  bytes: number | null;
  error_code: string | null;
  error: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}
