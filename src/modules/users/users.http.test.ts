import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildOrgUnit, buildUser } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
let app: App;
let manager: Session;
let postOffice: Awaited<ReturnType<typeof buildOrgUnit>>;
let otherProvinceUser: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  app = await buildApp(t.db);
  postOffice = await buildOrgUnit(t.db, { kind: 'post_office', province: '01' });
  const m = await buildUser(t.db, { role: 'post_office_manager', orgUnitId: postOffice.id });
  manager = await login(app, m.username, m.password);
  otherProvinceUser = await buildUser(t.db, { role: 'collection_agent', province: '92' });
});
afterAll(() => app.close());

const createAgent = (session: Session | null, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/v1/users', headers: session?.headers ?? {}, payload });

describe('managing users', () => {
  it('401 without a login', async () => {
    expect((await createAgent(null, { username: 'x' })).statusCode).toBe(401);
  });

  it('400 listing every missing field, in Vietnamese', async () => {
    const response = await createAgent(manager, { username: 'ab' });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json()
      .error.fields.map((f: { field: string }) => f.field)
      .sort();
    expect(fields).toEqual(['fullName', 'orgUnitId', 'role', 'username']);
    expect(response.json().error.message).toContain('Thiếu trường bắt buộc "fullName".');
    expect(response.json().error.message).toContain('"username" phải có ít nhất 3 ký tự.');
  });

  it('404 for a user of another province', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/users/${otherProvinceUser.id}`,
      headers: manager.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('user.not_found');
  });

  it("creates an agent in the manager's post office and returns a generated password once", async () => {
    const response = await createAgent(manager, {
      username: 'nv.hoa',
      fullName: 'Trần Thị Hoa',
      role: 'collection_agent',
      orgUnitId: postOffice.id,
      phone: '0912345678',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.user).toMatchObject({
      username: 'nv.hoa',
      role: 'collection_agent',
      orgUnit: { id: postOffice.id },
    });
    expect(body.password).toMatch(/^[A-Za-z0-9]{14}$/);
    const session = await login(app, 'nv.hoa', body.password);
    expect(session.csrf).toBeTruthy();
  });

  it('403 when a manager tries to create an officer above them', async () => {
    const response = await createAgent(manager, {
      username: 'len.chuc',
      fullName: 'Không Được',
      role: 'provincial_officer',
      orgUnitId: postOffice.id,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('user.role_not_allowed');
  });

  it('409 for a username already taken, whatever its case', async () => {
    await buildUser(t.db, { username: 'trung.ten' });
    const response = await createAgent(manager, {
      username: 'TRUNG.TEN',
      fullName: 'Trùng Tên',
      role: 'collection_agent',
      orgUnitId: postOffice.id,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(
      'Tên đăng nhập "TRUNG.TEN" đã có người dùng. Hãy chọn tên khác.',
    );
  });

  it('searches users by name without diacritics', async () => {
    await buildUser(t.db, {
      orgUnitId: postOffice.id,
      role: 'collection_agent',
      fullName: 'Đặng Thị Ngọc Ánh',
    });
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/users?search=ngoc%20anh',
      headers: manager.headers,
    });
    expect(response.json().items.map((u: { fullName: string }) => u.fullName)).toContain('Đặng Thị Ngọc Ánh');
  });

  it('disables a user, which ends their sessions, and resets a password, which unlocks', async () => {
    const agent = await buildUser(t.db, { role: 'collection_agent', orgUnitId: postOffice.id });
    const agentSession = await login(app, agent.username, agent.password);
    const disabled = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${agent.id}`,
      headers: manager.headers,
      payload: { disabled: true },
    });
    expect(disabled.json().disabled).toBe(true);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: agentSession.headers })).statusCode,
    ).toBe(401);

    await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${agent.id}`,
      headers: manager.headers,
      payload: { disabled: false },
    });
    const reset = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${agent.id}/reset-password`,
      headers: manager.headers,
      payload: {},
    });
    expect(reset.statusCode).toBe(200);
    await login(app, agent.username, reset.json().password);
  });
});
