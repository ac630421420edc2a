import type { Permission } from '../../domain/access/roles.ts';

/** What each action on participants needs; the region is enforced in SQL by inScope(). */
export const participantsPolicy = {
  read: 'participants.read',
  enroll: 'participants.enroll',
  edit: 'participants.enroll',
  changeStatus: 'participants.status',
  /** Naming the collection agent responsible for a person: a manager's call, like a status. */
  assignAgent: 'participants.status',
} as const satisfies Record<string, Permission>;
