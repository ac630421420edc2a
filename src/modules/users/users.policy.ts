import type { Permission } from '../../domain/access/roles.ts';

/** What each action on users needs; rank and region checks are in the service. */
export const usersPolicy = {
  read: 'users.read',
  manage: 'users.manage',
} as const satisfies Record<string, Permission>;
