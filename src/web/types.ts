/** The shapes the API returns, as the web app reads them. */
import type { Role } from '../domain/access/roles.ts';
import type { RuleRow, TopupRow } from '../domain/law/rules.types.ts';
import type { Network, OrgKind } from '../domain/orgs/kinds.ts';

export type { Network, OrgKind };

export interface Me {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  orgUnit: {
    id: number;
    code: string;
    name: string;
    kind: OrgKind;
    network: Network;
    provinceCode: string | null;
  };
}

export interface Session {
  user: Me;
  csrfToken: string;
}

export interface SystemInfo {
  demo: boolean;
  version: string;
  /** The demo campaigns are generated after start; null when there are none to generate. */
  demoCampaigns: { loaded: boolean; done: number; total: number; label: string } | null;
}

export interface Overview {
  provinces: number;
  communes: number;
  orgUnits: number;
  users: number;
  scope: { national: boolean; orgUnitName: string; communes: number };
}

export interface UnitItem {
  code: string;
  name: string;
  level: 'province' | 'commune';
  kind: string;
  provinceCode: string;
  provinceName: string;
}

export interface ServingOrg {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  network: Network;
  address: string | null;
  phone: string | null;
}

export interface FormerUnit {
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  districtName: string | null;
  provinceName: string | null;
}

export interface UnitDetail {
  code: string;
  name: string;
  level: 'province' | 'commune';
  kind: string;
  province: { code: string; name: string } | null;
  servedBy: ServingOrg[];
  formerUnits: FormerUnit[];
  /** Provinces only: how many communes they have. */
  communes?: number;
}

export interface OrgItem {
  id: number;
  code: string;
  name: string;
  network: Network;
  kind: OrgKind;
  parentId: number | null;
  provinceCode: string | null;
  communes: number;
  isDemo: boolean;
}

export interface OrgDetail extends OrgItem {
  address: string | null;
  phone: string | null;
  parent: { id: number; name: string } | null;
  children: OrgItem[];
}

export interface CommuneRef {
  code: string;
  name: string;
  kind: string;
}

export interface UserItem {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  orgUnit: { id: number; name: string };
  phone: string | null;
  disabled: boolean;
  locked: boolean;
  lastLoginAt: string | null;
  isDemo: boolean;
}

export interface TokenItem {
  id: number;
  name: string;
  prefix: string;
  user: { id: number; username: string };
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface AuditItem {
  id: number;
  at: string;
  actor: { id: number | null; username: string } | null;
  ip: string | null;
  action: 'insert' | 'update' | 'delete';
  entity: string;
  entityId: string;
  orgUnitId: number | null;
  changes: Record<string, { before: unknown; after: unknown }>;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
}

/** A province with no figures yet has nulls. */
export interface DenominatorItem {
  provinceCode: string;
  provinceName: string;
  asOf: string | null;
  labourForce: number | null;
  compulsoryParticipants: number | null;
  /** Voluntary SI participants recorded outside Điểm Tựa, counted in coverage. */
  voluntaryOutside: number | null;
  source: string | null;
  isDemo: boolean;
}

export interface DenominatorList {
  items: DenominatorItem[];
  total: number;
  /** The dates figures exist for, and for how many provinces. */
  dates: { asOf: string; provinces: number }[];
}

/** GET /rules: every dated law parameter and local top-up, with the catalogue of keys. */
export interface RuleKeyView {
  unit: 'vnd' | 'months' | 'years' | 'count' | 'rate' | 'decimal';
  mandatory: boolean;
  scopes?: string[];
  label: { vi: string; en: string };
}

export interface RulesPayload {
  revision: number;
  firstDate: string;
  versionStarts: string[];
  keys: Record<string, RuleKeyView>;
  rows: RuleRow[];
  topups: TopupRow[];
}

/** GET /rules/at: the rule version in force on a day. */
export interface RuleSetView {
  id: string;
  validFrom: string;
  validTo: string | null;
  values: Record<string, number>;
  topups: Record<string, Record<string, number>>;
}

export interface RuleChangeResult {
  ruleVersion: string;
  warnings: { code: string; message: string }[];
}

export interface RuleChangeItem {
  id: number;
  at: string;
  username: string;
  kind: string;
  summary: string;
  change: unknown;
}
