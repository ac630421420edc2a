import type { Permission } from '../../domain/access/roles.ts';

/** What each action on renewals needs; the region is enforced in SQL by inScope(). */
export const renewalsPolicy = {
  worklist: 'participants.read',
  readReminders: 'reminders.read',
  /** "Nhắc đóng ngay": whoever may collect a person's payment may remind them of it. */
  remind: 'payments.collect',
  runDaily: 'jobs.run',
} as const satisfies Record<string, Permission>;
