import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildUser } from '../../../test/factories.ts';
import { buildApp, login } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-03-02T08:00:00+07:00');
let app: App;

beforeAll(async () => {
  app = await buildApp(t.db, { clock, loginRateLimit: 1000 });
});
afterAll(() => app.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('password sign-in', () => {
  it('sets an httpOnly session cookie and returns the user with a CSRF token', async () => {
    const user = await buildUser(t.db, { role: 'provincial_officer', province: '01' });
    const response = await post('/api/v1/auth/login', { username: user.username, password: user.password });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'dt_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = response.json();
    expect(body.user).toMatchObject({ username: user.username, role: 'provincial_officer' });
    expect(body.user.orgUnit.code).toBe('BHXH-01');
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('stores passwords as argon2id hashes', async () => {
    const user = await buildUser(t.db);
    const row = await t.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('answers a wrong password and an unknown user with the same Vietnamese sentence', async () => {
    const user = await buildUser(t.db);
    const wrong = await post('/api/v1/auth/login', { username: user.username, password: 'sai-mat-khau' });
    const unknown = await post('/api/v1/auth/login', { username: 'khong-ton-tai', password: 'sai-mat-khau' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual({
      code: 'auth.invalid_credentials',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('locks the account after five failures, even for the right password', async () => {
    const user = await buildUser(t.db);
    for (let i = 0; i < 4; i++) {
      expect(
        (await post('/api/v1/auth/login', { username: user.username, password: 'sai' })).statusCode,
      ).toBe(401);
    }
    const fifth = await post('/api/v1/auth/login', { username: user.username, password: 'sai' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('auth.locked');
    const right = await post('/api/v1/auth/login', { username: user.username, password: user.password });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.message).toContain('Vui lòng thử lại sau');

    clock.advance(16 * 60_000);
    expect(
      (await post('/api/v1/auth/login', { username: user.username, password: user.password })).statusCode,
    ).toBe(200);
  });

  it('validates the body before touching the database', async () => {
    const response = await post('/api/v1/auth/login', { username: 'a' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'request.invalid',
      field: 'password',
      message: 'Dữ liệu gửi lên không hợp lệ: Thiếu trường bắt buộc "password".',
    });
  });
});

describe('sessions', () => {
  it('requires a login for closed routes and says so in Vietnamese', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe('Bạn cần đăng nhập để tiếp tục.');
  });

  it('answers in English when asked', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { 'accept-language': 'en' },
    });
    expect(response.json().error.message).toBe('Please sign in to continue.');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const user = await buildUser(t.db, { role: 'system_admin' });
    const session = await login(app, user.username, user.password);
    const without = await app.inject({
      method: 'POST',
      url: '/api/v1/audit/verify',
      headers: { cookie: session.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('auth.csrf');
    const withToken = await app.inject({
      method: 'POST',
      url: '/api/v1/audit/verify',
      headers: session.headers,
    });
    expect(withToken.statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const user = await buildUser(t.db);
    const session = await login(app, user.username, user.password);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode,
    ).toBe(200);
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode,
    ).toBe(401);
  });

  it('rejects a disabled user at once', async () => {
    const user = await buildUser(t.db);
    const session = await login(app, user.username, user.password);
    await t.db.updateTable('app_user').set({ disabled_at: clock.now() }).where('id', '=', user.id).execute();
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode,
    ).toBe(401);
  });
});

describe('API tokens', () => {
  it('authenticate integrations by bearer token until revoked', async () => {
    const admin = await buildUser(t.db, { role: 'system_admin' });
    const integration = await buildUser(t.db, { role: 'viewer', province: '79' });
    const session = await login(app, admin.username, admin.password);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: session.headers,
      payload: { userId: integration.id, name: 'Tích hợp báo cáo' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^dt_/);

    const bearer = { authorization: `Bearer ${token}` };
    const me = await app.inject({ method: 'GET', url: '/api/v1/org-units?limit=1', headers: bearer });
    expect(me.statusCode).toBe(200);
    // A token needs no CSRF token: it is not a cookie the browser sends on its own.
    const stored = await t.db
      .selectFrom('api_token')
      .select(['token_hash', 'last_used_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(stored.last_used_at).not.toBeNull();
    // Using a token is bookkeeping, not a change: no audit row without a person behind it.
    await app.inject({ method: 'GET', url: '/api/v1/org-units?limit=1', headers: bearer });
    const anonymous = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity', '=', 'api_token')
      .where('actor_user_id', 'is', null)
      .execute();
    expect(anonymous).toEqual([]);

    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${id}`,
      headers: session.headers,
    });
    expect(revoked.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/v1/org-units?limit=1', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('auth.invalid_token');
  });
});

describe('sign-in rate limit', () => {
  it('is not escaped by sending X-Forwarded-For when no proxy is trusted', async () => {
    const limited = await buildApp(t.db, { loginRateLimit: 2 });
    try {
      const attempt = (i: number) =>
        limited.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'x-forwarded-for': `203.0.113.${i}` },
          payload: { username: 'x', password: 'y' },
        });
      expect((await attempt(1)).statusCode).toBe(401);
      expect((await attempt(2)).statusCode).toBe(401);
      expect((await attempt(3)).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('counts each account on its own, so agents behind one post-office address are not locked out together', async () => {
    const limited = await buildApp(t.db, { loginRateLimit: 2 });
    try {
      const attempt = (username: string) =>
        limited.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'y' } });
      expect((await attempt('agent.a')).statusCode).toBe(401);
      expect((await attempt('Agent.A')).statusCode).toBe(401);
      expect((await attempt('agent.a')).statusCode).toBe(429);
      // Spaces around the name are the same account, as sign-in reads it.
      expect((await attempt(' agent.a ')).statusCode).toBe(429);
      expect((await attempt('agent.b')).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it('stops one address trying many accounts, past twenty times the per-account limit', async () => {
    const limited = await buildApp(t.db, { loginRateLimit: 2 });
    try {
      const attempt = (i: number) =>
        limited.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: `agent.${i}`, password: 'y' },
        });
      for (let i = 0; i < 40; i++) expect((await attempt(i)).statusCode).toBe(401);
      const blocked = await attempt(40);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('auth.rate_limited');
    } finally {
      await limited.close();
    }
  });

  it('answers 429 in Vietnamese past the limit per minute', async () => {
    const limited = await buildApp(t.db, { loginRateLimit: 3 });
    try {
      const attempt = () =>
        limited.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'x', password: 'y' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const blocked = await attempt();
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('auth.rate_limited');
      expect(blocked.json().error.message).toMatch(/^Bạn đã thử đăng nhập quá nhiều lần/);
    } finally {
      await limited.close();
    }
  });
});
