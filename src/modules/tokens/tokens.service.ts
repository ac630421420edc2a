import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import { sha256 } from '../access/access.service.ts';
import type { UsersService } from '../users/users.service.ts';
import { createTokensRepository } from './tokens.repository.ts';

/** API tokens for integrations: shown once, stored as a SHA-256, acting with their user's role and scope. */
export function createTokensService({ db, clock, users }: { db: Db; clock: Clock; users: UsersService }) {
  const repo = createTokensRepository(db);
  return {
    list: (page: { limit: number; offset: number; id?: number }) => repo.list(page),

    async create(actor: Actor, input: { userId: number; name: string; expiresAt?: string | null }) {
      await users.get(actor, input.userId);
      const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
      if (expiresAt && expiresAt <= clock.now()) {
        throw new AppError('token.expiry_in_past', { expiresAt: input.expiresAt! }, 'expiresAt');
      }
      const token = `dt_${randomBytes(32).toString('base64url')}`;
      const id = await transact(db, auditContext(actor, clock), (tx) =>
        repo.insert(tx, {
          userId: input.userId,
          name: input.name.trim(),
          tokenHash: sha256(token),
          prefix: token.slice(0, 10),
          at: clock.now(),
          expiresAt,
        }),
      );
      return { id, token };
    },

    async revoke(actor: Actor, id: number) {
      if (!(await repo.exists(id))) throw new AppError('token.not_found', { id });
      await transact(db, auditContext(actor, clock), (tx) => repo.revoke(tx, id, clock.now()));
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
