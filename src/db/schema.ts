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
