import { can, type Permission } from '../../domain/access/roles.ts';
import type { Actor } from '../access/access.actor.ts';
import type { ReportKind } from './reports.kinds.ts';

/**
 * Who may export which report. Every report needs `reports.export`; the win-back list names people
 * with their phone numbers, so it also needs what working renewals needs, which viewers lack.
 */
const NEEDS: Record<ReportKind, Permission> = {
  progress: 'reports.export',
  funnel: 'reports.export',
  kpis: 'reports.export',
  coverage: 'reports.export',
  lapsed: 'reminders.manage',
};

export const mayExport = (actor: Actor, kind: ReportKind) =>
  can(actor.role, 'reports.export') && can(actor.role, NEEDS[kind]);

/** An export is its requester's; an administrator may see and remove anyone's. */
export const mayOpenExport = (actor: Actor, row: { requested_by: number }) =>
  row.requested_by === actor.userId || actor.role === 'system_admin';

/** An administrator's list holds everyone's exports; anyone else's, their own. */
export const listsEveryone = (actor: Actor) => actor.role === 'system_admin';
