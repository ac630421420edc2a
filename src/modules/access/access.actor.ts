import type { AuditContext } from '../../db/transaction.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { Clock } from '../../platform/clock.ts';

/** The caller of every use case: who they are, where they stand, and what region they may see. */
export interface Actor {
  userId: number | null;
  username: string;
  fullName: string;
  role: Role;
  orgUnitId: number | null;
  /** The caller's org unit path ('/1/7/'): their subtree is every path with this prefix. */
  orgPath: string;
  provinceCode: string | null;
  /** Central units and administrators see the whole country. */
  national: boolean;
  /** Communes served by the caller's subtree; empty when national. */
  communes: readonly string[];
  /** The org units of the caller's subtree (their own and every one below). */
  orgIds: readonly number[];
  /** Provinces every commune of which the caller serves: `communes` said briefly, so SQL can use an index. */
  provinces: readonly string[];
  /** The caller's communes outside those whole provinces. */
  partialCommunes: readonly string[];
  ip: string | null;
  requestId: string | null;
  via: 'session' | 'token' | 'cli' | 'system';
}

/** Start-up, imports and jobs act as the system: national, and logged as such. */
export const SYSTEM_ACTOR: Actor = Object.freeze({
  userId: null,
  username: 'system',
  fullName: 'Hệ thống',
  role: 'system_admin',
  orgUnitId: null,
  orgPath: '/',
  provinceCode: null,
  national: true,
  communes: [],
  orgIds: [],
  provinces: [],
  partialCommunes: [],
  ip: null,
  requestId: null,
  via: 'system',
});

export function auditContext(actor: Actor, clock: Clock): AuditContext {
  return {
    userId: actor.userId,
    username: actor.username,
    orgUnitId: actor.orgUnitId,
    ip: actor.ip,
    requestId: actor.requestId,
    at: clock.now(),
  };
}
