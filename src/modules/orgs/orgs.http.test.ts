import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildOrgUnit, buildUser, provincialUnit } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
let app: App;
let hanoiOfficer: Session;
let hcmcOfficer: Session;
let hanoiOffice: Awaited<ReturnType<typeof buildOrgUnit>>;
let hcmcOffice: Awaited<ReturnType<typeof buildOrgUnit>>;

beforeAll(async () => {
  app = await buildApp(t.db);
  hanoiOffice = await buildOrgUnit(t.db, {
    kind: 'vss_grassroots',
    province: '01',
    name: 'BHXH cơ sở Ba Đình',
  });
  hcmcOffice = await buildOrgUnit(t.db, {
    kind: 'vss_grassroots',
    province: '79',
    name: 'BHXH cơ sở Bến Thành',
  });
  const a = await buildUser(t.db, { role: 'provincial_officer', province: '01' });
  const b = await buildUser(t.db, { role: 'provincial_officer', province: '79' });
  hanoiOfficer = await login(app, a.username, a.password);
  hcmcOfficer = await login(app, b.username, b.password);
});
afterAll(() => app.close());

const get = (url: string, session?: Session) =>
  app.inject({ method: 'GET', url, headers: session?.headers ?? {} });

describe('region scope on org units', () => {
  it('answers 401 without a login', async () => {
    expect((await get(`/api/v1/org-units/${hanoiOffice.id}`)).statusCode).toBe(401);
  });

  it('answers 400 with the exact message for a bad id', async () => {
    const response = await get('/api/v1/org-units/abc', hanoiOfficer);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('Dữ liệu gửi lên không hợp lệ: "id" phải là số nguyên.');
  });

  it("hides another province's unit: 404, with no hint of what it is", async () => {
    const response = await get(`/api/v1/org-units/${hcmcOffice.id}`, hanoiOfficer);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('org.not_found');
    expect(response.body).not.toContain('Bến Thành');
  });

  it("shows a unit of the caller's own province", async () => {
    const response = await get(`/api/v1/org-units/${hanoiOffice.id}`, hanoiOfficer);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'BHXH cơ sở Ba Đình',
      kind: 'vss_grassroots',
      provinceCode: '01',
    });
  });

  it("lists only units of the caller's province, across the VSS and post networks", async () => {
    const response = await get('/api/v1/org-units?limit=200', hcmcOfficer);
    const provinces = new Set(
      response.json().items.map((o: { provinceCode: string | null }) => o.provinceCode),
    );
    expect([...provinces]).toEqual(['79']);
    const codes = response.json().items.map((o: { code: string }) => o.code);
    expect(codes).toContain('BHXH-79');
    expect(codes).toContain('BD-79');
  });

  it("hides the service area of another province's unit", async () => {
    expect((await get(`/api/v1/org-units/${hcmcOffice.id}/communes`, hanoiOfficer)).statusCode).toBe(404);
  });
});

describe('creating and editing org units', () => {
  it("creates a grassroots office under the caller's provincial office, serving communes of the province", async () => {
    const vss = await provincialUnit(t.db, '01');
    const communes = hanoiOffice.communes.slice(0, 2);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: hanoiOfficer.headers,
      payload: {
        parentId: vss.id,
        code: 'BHXH-01-CS99',
        name: 'Bảo hiểm xã hội cơ sở Hoàn Kiếm',
        kind: 'vss_grassroots',
        communeCodes: communes,
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      code: 'BHXH-01-CS99',
      network: 'vss',
      provinceCode: '01',
      communes: 2,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'org_unit')
      .where('entity_id', '=', String(response.json().id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a kind that cannot sit under the chosen parent', async () => {
    const vss = await provincialUnit(t.db, '01');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: hanoiOfficer.headers,
      payload: { parentId: vss.id, code: 'X-1', name: 'Bưu cục sai chỗ', kind: 'post_office' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'org.invalid_parent', field: 'parentId' });
    expect(response.json().error.message).toBe(
      'Đơn vị loại "Bưu cục" không thể trực thuộc "BHXH tỉnh". Cấp trên hợp lệ: Bưu điện tỉnh.',
    );
  });

  it('refuses a parent in another province as if it did not exist', async () => {
    const vss = await provincialUnit(t.db, '79');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: hanoiOfficer.headers,
      payload: { parentId: vss.id, code: 'X-2', name: 'Ngoài phạm vi', kind: 'vss_grassroots' },
    });
    expect(response.statusCode).toBe(404);
  });

  it('refuses a duplicate code with 409', async () => {
    const vss = await provincialUnit(t.db, '01');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: hanoiOfficer.headers,
      payload: { parentId: vss.id, code: 'BHXH-01', name: 'Trùng mã', kind: 'vss_grassroots' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('org.duplicate_code');
  });

  it("refuses communes outside the parent's area", async () => {
    const vss = await provincialUnit(t.db, '01');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: hanoiOfficer.headers,
      payload: {
        parentId: vss.id,
        code: 'X-3',
        name: 'Sai địa bàn',
        kind: 'vss_grassroots',
        communeCodes: hcmcOffice.communes,
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('org.commune_outside_parent');
  });

  it('lets a collection agent read but not create', async () => {
    const agent = await buildUser(t.db, { role: 'collection_agent', orgUnitId: hanoiOffice.id });
    const session = await login(app, agent.username, agent.password);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: session.headers,
      payload: { parentId: hanoiOffice.id, code: 'X-4', name: 'Không được', kind: 'cooperative' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('Vai trò collection_agent không được phép quản lý tổ chức.');
  });
});
