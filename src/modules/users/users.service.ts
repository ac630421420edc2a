import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import { canAssignRole, isRole, ROLES, type Role } from '../../domain/access/roles.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '../access/access.passwords.ts';
import { createAccessRepository } from '../access/access.repository.ts';
import type { OrgsRepository } from '../orgs/orgs.repository.ts';
import { createUsersRepository, type UserFilter, type UserRow } from './users.repository.ts';

export interface CreateUserInput {
  username: string;
  fullName: string;
  role: string;
  orgUnitId: number;
  password?: string;
  phone?: string | null;
  isDemo?: boolean;
  /** A hash computed once for many demo users, so seeding stays fast. */
  passwordHash?: string;
}

export interface UpdateUserInput {
  fullName?: string;
  role?: string;
  orgUnitId?: number;
  phone?: string | null;
  disabled?: boolean;
}

export function createUsersService({ db, clock, orgs }: { db: Db; clock: Clock; orgs: OrgsRepository }) {
  const repo = createUsersRepository(db);
  const sessions = createAccessRepository(db);

  function checkRole(actor: Actor, role: string): Role {
    if (!isRole(role)) throw new AppError('user.invalid_role', { role, allowed: ROLES.join(', ') }, 'role');
    if (!canAssignRole(actor.role, role)) throw new AppError('user.role_not_allowed', { role }, 'role');
    return role;
  }

  /** Users are created only in the actor's own unit and below, even where the actor may see more. */
  async function checkUnit(actor: Actor, orgUnitId: number) {
    const org = await orgs.find(actor, orgUnitId);
    if (!org) throw new AppError('org.not_found', { id: orgUnitId }, 'orgUnitId');
    if (!actor.national && !org.path.startsWith(actor.orgPath)) {
      throw new AppError('user.unit_outside_scope', { unit: org.name }, 'orgUnitId');
    }
    return org;
  }

  async function load(actor: Actor, id: number): Promise<UserRow> {
    const user = await repo.find(actor, id);
    if (!user) throw new AppError('user.not_found', { id });
    return user;
  }

  /** The actor may manage a user only of a lower rank, inside their own subtree. */
  async function loadManageable(actor: Actor, id: number): Promise<UserRow> {
    const user = await load(actor, id);
    if (isRole(user.role) && !canAssignRole(actor.role, user.role)) {
      throw new AppError('user.role_not_allowed', { role: user.role });
    }
    if (!actor.national && !user.org_path.startsWith(actor.orgPath)) {
      throw new AppError('user.unit_outside_scope', { unit: user.org_unit_name });
    }
    return user;
  }

  return {
    list: (actor: Actor, filter: UserFilter) => repo.list(actor, filter),
    get: load,

    async create(actor: Actor, input: CreateUserInput) {
      const role = checkRole(actor, input.role);
      await checkUnit(actor, input.orgUnitId);
      const username = input.username.trim();
      if (await repo.usernameTaken(username)) {
        throw new AppError('user.duplicate_username', { username }, 'username');
      }
      if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
        throw new AppError('user.weak_password', { min: MIN_PASSWORD_LENGTH }, 'password');
      }
      const generated = input.password === undefined && !input.passwordHash ? generatePassword() : undefined;
      const passwordHash = input.passwordHash ?? (await hashPassword(input.password ?? generated!));
      const id = await transact(db, auditContext(actor, clock), (tx) =>
        repo.insert(tx, {
          username,
          fullName: input.fullName.trim(),
          role,
          orgUnitId: input.orgUnitId,
          passwordHash,
          phone: input.phone ?? null,
          isDemo: input.isDemo,
        }),
      ).catch((error) => {
        if ((error as { code?: string }).code === '23505') {
          throw new AppError('user.duplicate_username', { username }, 'username');
        }
        throw error;
      });
      return { user: await load(actor, id), password: generated };
    },

    async update(actor: Actor, id: number, input: UpdateUserInput) {
      const user = await loadManageable(actor, id);
      const selfChange =
        user.id === actor.userId && (input.role !== undefined || input.disabled !== undefined);
      if (selfChange) throw new AppError('user.self_change');
      if (input.role !== undefined) checkRole(actor, input.role);
      if (input.orgUnitId !== undefined) await checkUnit(actor, input.orgUnitId);
      await transact(db, auditContext(actor, clock), async (tx) => {
        await repo.update(tx, id, {
          ...(input.fullName !== undefined ? { full_name: input.fullName.trim() } : {}),
          ...(input.role !== undefined ? { role: input.role } : {}),
          ...(input.orgUnitId !== undefined ? { org_unit_id: input.orgUnitId } : {}),
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          ...(input.disabled !== undefined ? { disabled_at: input.disabled ? clock.now() : null } : {}),
        });
        // A disabled user, or one moved to another role or unit, signs in again.
        if (input.disabled || input.role !== undefined || input.orgUnitId !== undefined) {
          await sessions.deleteSessionsOfUser(tx, id);
        }
      });
      return load(actor, id);
    },

    async resetPassword(actor: Actor, id: number, password?: string) {
      await loadManageable(actor, id);
      if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
        throw new AppError('user.weak_password', { min: MIN_PASSWORD_LENGTH }, 'password');
      }
      const next = password ?? generatePassword();
      const passwordHash = await hashPassword(next);
      await transact(db, auditContext(actor, clock), async (tx) => {
        await repo.update(tx, id, { password_hash: passwordHash, failed_logins: 0, locked_until: null });
        await sessions.deleteSessionsOfUser(tx, id);
      });
      return { password: next };
    },

    countUsers: () => repo.countUsers(),
    countVisible: (actor: Actor) => repo.countVisible(actor),
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
