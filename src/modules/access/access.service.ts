import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import { isRole, type Role } from '../../domain/access/roles.ts';
import { isNationalKind } from '../../domain/orgs/kinds.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import { type Actor, auditContext, SYSTEM_ACTOR } from './access.actor.ts';
import { decoyPasswordHash, verifyPassword } from './access.passwords.ts';
import { createAccessRepository } from './access.repository.ts';

const SESSION_TTL_MS = 12 * 3600_000;
const SESSION_TOUCH_MS = 5 * 60_000;
const LOCK_AFTER_FAILURES = 5;
const LOCK_MS = 15 * 60_000;
const SCOPE_CACHE_MS = 30_000;

export interface Me {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  orgUnit: {
    id: number;
    code: string;
    name: string;
    kind: string;
    network: string;
    provinceCode: string | null;
  };
}

export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function createAccessService({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createAccessRepository(db);
  type Region = Pick<Actor, 'communes' | 'orgIds' | 'provinces' | 'partialCommunes'>;
  const scopeCache = new Map<string, { at: number; region: Region }>();
  let provinceOf: Promise<Map<string, string>> | null = null;

  /** The region of a subtree: its units, the communes they serve, and which provinces that covers whole. */
  async function regionOf(path: string): Promise<Region> {
    const now = clock.now().getTime();
    const hit = scopeCache.get(path);
    if (hit && now - hit.at < SCOPE_CACHE_MS) return hit.region;
    provinceOf ??= repo
      .communeProvinces()
      .then((rows) => new Map(rows.map((r) => [r.code, r.province_code])));
    const [communes, orgIds, provinceMap] = await Promise.all([
      repo.communesOfSubtree(path),
      repo.orgIdsOfSubtree(path),
      provinceOf,
    ]);
    const served = new Map<string, number>();
    for (const c of communes) served.set(provinceMap.get(c)!, (served.get(provinceMap.get(c)!) ?? 0) + 1);
    const totals = new Map<string, number>();
    for (const p of provinceMap.values()) totals.set(p, (totals.get(p) ?? 0) + 1);
    const provinces = [...served].filter(([p, n]) => totals.get(p) === n).map(([p]) => p);
    const whole = new Set(provinces);
    const region = {
      communes,
      orgIds,
      provinces,
      partialCommunes: communes.filter((c) => !whole.has(provinceMap.get(c)!)),
    };
    scopeCache.set(path, { at: now, region });
    return region;
  }

  type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>;

  async function toActor(user: UserRow, via: Actor['via'], meta: RequestMeta): Promise<Actor> {
    const role = isRole(user.role) ? user.role : 'viewer';
    const national = role === 'system_admin' || isNationalKind(user.org_kind);
    return {
      userId: user.id,
      username: user.username,
      fullName: user.full_name,
      role,
      orgUnitId: user.org_unit_id,
      orgPath: user.org_path,
      provinceCode: user.org_province_code,
      national,
      ...(national
        ? { communes: [], orgIds: [], provinces: [], partialCommunes: [] }
        : await regionOf(user.org_path)),
      ip: meta.ip,
      requestId: meta.requestId,
      via,
    };
  }

  function toMe(user: UserRow): Me {
    return {
      id: user.id,
      username: user.username,
      fullName: user.full_name,
      role: isRole(user.role) ? user.role : 'viewer',
      orgUnit: {
        id: user.org_unit_id,
        code: user.org_code,
        name: user.org_name,
        kind: user.org_kind,
        network: user.org_network,
        provinceCode: user.org_province_code,
      },
    };
  }

  function usable(user: UserRow | undefined): user is UserRow {
    return !!user && !user.disabled_at;
  }

  return {
    async login(input: { username: string; password: string }, meta: RequestMeta) {
      const user = await repo.findUserByUsername(input.username.trim());
      const now = clock.now();
      if (!user) {
        await verifyPassword(await decoyPasswordHash(), input.password);
        throw new AppError('auth.invalid_credentials');
      }
      if (user.locked_until && user.locked_until > now) {
        throw new AppError('auth.locked', { until: formatTime(user.locked_until) });
      }
      const actorForAudit = { ...SYSTEM_ACTOR, userId: user.id, username: user.username, ...meta };
      if (!(await verifyPassword(user.password_hash, input.password))) {
        const failures = user.failed_logins + 1;
        const lockedUntil = failures >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
        await transact(db, auditContext(actorForAudit, clock), (tx) =>
          repo.recordFailedLogin(tx, user.id, lockedUntil ? 0 : failures, lockedUntil),
        );
        if (lockedUntil) throw new AppError('auth.locked', { until: formatTime(lockedUntil) });
        throw new AppError('auth.invalid_credentials');
      }
      if (user.disabled_at) throw new AppError('auth.disabled');

      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      await transact(db, auditContext(actorForAudit, clock), async (tx) => {
        await repo.recordLogin(tx, user.id, now);
        await repo.insertSession(tx, {
          id: sha256(token),
          userId: user.id,
          csrfToken,
          at: now,
          expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
          ip: meta.ip,
        });
      });
      return { token, csrfToken, user: toMe(user), maxAgeSeconds: SESSION_TTL_MS / 1000 };
    },

    /** The actor behind a session cookie, or null when it is unknown, expired or its user disabled. */
    async authenticateSession(token: string, meta: RequestMeta) {
      const id = sha256(token);
      const session = await repo.findSession(id);
      const now = clock.now();
      if (!session || session.expires_at <= now) return null;
      const user = await repo.findUserById(session.user_id);
      if (!usable(user)) return null;
      if (now.getTime() - session.last_seen_at.getTime() > SESSION_TOUCH_MS) {
        await repo.touchSession(id, now, new Date(now.getTime() + SESSION_TTL_MS));
      }
      return { actor: await toActor(user, 'session', meta), csrfToken: session.csrf_token, me: toMe(user) };
    },

    async authenticateToken(token: string, meta: RequestMeta): Promise<Actor | null> {
      const row = await repo.findApiToken(sha256(token));
      const now = clock.now();
      if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now)) return null;
      const user = await repo.findUserById(row.user_id);
      if (!usable(user)) return null;
      // Like sessions: "last used" to within a few minutes, not a write per call.
      if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > SESSION_TOUCH_MS) {
        await repo.touchApiToken(row.id, now);
      }
      return toActor(user, 'token', meta);
    },

    async logout(token: string) {
      await repo.deleteSession(sha256(token));
    },

    async me(userId: number): Promise<Me | null> {
      const user = await repo.findUserById(userId);
      return usable(user) ? toMe(user) : null;
    },

    /** For the CLI: act as a named user. */
    async actorForUsername(username: string): Promise<Actor | null> {
      const user = await repo.findUserByUsername(username);
      return usable(user) ? toActor(user, 'cli', { ip: null, requestId: null }) : null;
    },

    purgeExpiredSessions() {
      return repo.deleteExpiredSessions(clock.now());
    },

    /** The region of a unit's subtree: what a report narrowed to that unit may cover. */
    regionOf,

    /** Org changes (new units, service areas) must reach scopes at once in the same process. */
    forgetScopes() {
      scopeCache.clear();
      provinceOf = null;
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;

function formatTime(date: Date): string {
  // Vietnam time, as the person reading it lives there.
  const local = new Date(date.getTime() + 7 * 3600_000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  const dd = String(local.getUTCDate()).padStart(2, '0');
  const mo = String(local.getUTCMonth() + 1).padStart(2, '0');
  return `${hh}:${mm} ngày ${dd}/${mo}/${local.getUTCFullYear()}`;
}
