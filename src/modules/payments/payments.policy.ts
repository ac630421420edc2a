import type { Permission } from '../../domain/access/roles.ts';

export const paymentsPolicy = {
  collect: 'payments.collect',
  void: 'payments.void',
  read: 'participants.read',
} as const satisfies Record<string, Permission>;
