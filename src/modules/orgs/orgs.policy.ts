import type { Permission } from '../../domain/access/roles.ts';

/** What each action on org units needs. Region is enforced by the scoped queries. */
export const orgsPolicy = {
  read: 'orgs.read',
  manage: 'orgs.manage',
} as const satisfies Record<string, Permission>;
