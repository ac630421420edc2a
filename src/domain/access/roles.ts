/**
 * Roles and what each may do. Scope (which region) is separate: every query is filtered by the
 * caller's org unit subtree and service area, whatever the role.
 */
export const ROLES = [
  'system_admin',
  'central_officer',
  'provincial_officer',
  'grassroots_officer',
  'post_office_manager',
  'collection_agent',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Higher ranks may manage users of lower ranks inside their scope. */
const RANK: Record<Role, number> = {
  system_admin: 100,
  central_officer: 80,
  provincial_officer: 60,
  grassroots_officer: 40,
  post_office_manager: 40,
  collection_agent: 10,
  viewer: 0,
};

export type Permission =
  | 'units.read'
  | 'orgs.read'
  | 'orgs.manage'
  | 'users.read'
  | 'users.manage'
  | 'tokens.manage'
  | 'audit.read'
  | 'denominators.read'
  | 'denominators.import'
  | 'rules.manage'
  | 'participants.read'
  | 'participants.enroll'
  | 'participants.status'
  | 'payments.collect'
  | 'payments.void'
  | 'cash.read'
  | 'cash.remit'
  | 'reminders.manage'
  | 'reminders.read'
  | 'jobs.run'
  | 'campaigns.manage'
  | 'activities.log'
  | 'leads.work'
  | 'leads.manage'
  | 'reports.export';

const ALL: readonly Role[] = ROLES;
const OFFICERS: readonly Role[] = [
  'system_admin',
  'central_officer',
  'provincial_officer',
  'grassroots_officer',
];
const MANAGERS: readonly Role[] = [...OFFICERS, 'post_office_manager'];

const GRANTS: Record<Permission, readonly Role[]> = {
  'units.read': ALL,
  'orgs.read': ALL,
  'orgs.manage': ['system_admin', 'central_officer', 'provincial_officer'],
  'users.read': MANAGERS,
  'users.manage': MANAGERS,
  'tokens.manage': ['system_admin'],
  'audit.read': ['system_admin'],
  'denominators.read': ALL,
  'denominators.import': ['system_admin', 'central_officer'],
  'rules.manage': ['system_admin'],
  'participants.read': ALL,
  'participants.enroll': [...MANAGERS, 'collection_agent'],
  'participants.status': MANAGERS,
  'payments.collect': [...MANAGERS, 'collection_agent'],
  // Voiding a receipt is a supervisor's act, never the collecting agent's.
  'payments.void': MANAGERS,
  'cash.read': [...MANAGERS, 'collection_agent'],
  'cash.remit': MANAGERS,
  'reminders.manage': MANAGERS,
  // The reminders sent: managers see their region's, an agent those of the people on their worklist.
  'reminders.read': [...MANAGERS, 'collection_agent'],
  // The daily job moves statuses nationwide: only the centre runs it by hand.
  'jobs.run': ['system_admin', 'central_officer'],
  // A campaign is national: its record and its central bridge point are the central office's.
  'campaigns.manage': ['system_admin', 'central_officer'],
  // Bridge points, check-ins, activities and checklists are logged by each unit for itself.
  'activities.log': MANAGERS,
  // Leads are people's names and phones: those who work with people follow them up (an agent only
  // their own); officers and post-office managers also draw lists, assign and erase.
  'leads.work': [...MANAGERS, 'collection_agent'],
  'leads.manage': MANAGERS,
  // Reports are figures for those who steer and those who watch: officers, post-office managers and
  // viewers. Agents work their own worklist instead. The row-level win-back list of named people is
  // narrowed further in reports.policy.ts.
  'reports.export': [...MANAGERS, 'viewer'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[permission].includes(role);
}

/** A user may give a role only below their own rank (an administrator may give any). */
export function canAssignRole(actorRole: Role, target: Role): boolean {
  if (actorRole === 'system_admin') return true;
  return RANK[target] < RANK[actorRole];
}

/**
 * Roles that work with individual people (enroll, collect, correct records) see personal IDs in
 * full; leadership and viewers, who look at figures, see them masked.
 */
const FULL_ID_ROLES: readonly Role[] = [
  'system_admin',
  'grassroots_officer',
  'post_office_manager',
  'collection_agent',
];
export function seesFullPersonalIds(role: Role): boolean {
  return FULL_ID_ROLES.includes(role);
}
