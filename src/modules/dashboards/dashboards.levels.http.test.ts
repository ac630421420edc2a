import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildOrgUnit, buildUser, enrollBody, provincialUnit } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

/**
 * The dashboard below the province. In Hà Nội, post office A serves three communes: its point A1
 * (agent Ánh, communes 1 and 2) and point A2 (agent Bình, commune 3). A grassroots VSS office G
 * serves commune 1 only. In Hồ Chí Minh City, agent Cường works for another post office.
 */
const t = setupTestDatabase();
const clock = fixedClock('2026-05-08T09:00:00+07:00');
let app: App;
let campaignId: number;
let officeA: Awaited<ReturnType<typeof buildOrgUnit>>;
let pointA1: Awaited<ReturnType<typeof buildOrgUnit>>;
let pointA2: Awaited<ReturnType<typeof buildOrgUnit>>;
let grassroots: Awaited<ReturnType<typeof buildOrgUnit>>;
let anh: { id: number; session: Session };
let binh: { id: number; session: Session };
let cuong: Awaited<ReturnType<typeof buildAgent>> & { session: Session };
const s = {} as Record<'central' | 'hanoi' | 'hcmc' | 'viewer' | 'manager' | 'officer', Session>;
let communes: string[];

const get = (session: Session, url: string) =>
  app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session.headers });
const post = (session: Session, url: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, headers: session.headers, payload });
const dashboard = (session: Session, query = '') =>
  get(session, `/dashboard?campaignId=${campaignId}${query}`);
const ok = async (session: Session, query = '') => {
  const response = await dashboard(session, query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

async function enroll(session: Session, communeCode: string) {
  const response = await post(
    session,
    '/participants',
    enrollBody({ communeCode, startMonth: '2026-05', campaignId, categories: ['other'] }),
  );
  expect(response.statusCode, response.body).toBe(201);
}

async function target(amount: number, who: { orgUnitId: number } | { agentUserId: number }) {
  await t.db
    .insertInto('target')
    .values({
      campaign_id: campaignId,
      product: 'vsi',
      org_unit_id: 'orgUnitId' in who ? who.orgUnitId : null,
      agent_user_id: 'agentUserId' in who ? who.agentUserId : null,
      period_start: '2026-05-01',
      period_end: '2026-05-31',
      amount,
      set_at: new Date('2026-04-30T00:00:00Z'),
    })
    .execute();
}

async function signedIn(user: { username: string; password: string }) {
  return login(app, user.username, user.password);
}

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  const centralUnit = await t.db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', 'BHXH-VN')
    .executeTakeFirstOrThrow();
  s.central = await signedIn(await buildUser(t.db, { role: 'central_officer', orgUnitId: centralUnit.id }));
  s.hanoi = await signedIn(await buildUser(t.db, { role: 'provincial_officer', province: '01' }));
  s.hcmc = await signedIn(await buildUser(t.db, { role: 'provincial_officer', province: '79' }));
  s.viewer = await signedIn(await buildUser(t.db, { role: 'viewer', province: '01' }));

  communes = (
    await t.db
      .selectFrom('commune')
      .select('code')
      .where('province_code', '=', '01')
      .orderBy('code')
      .limit(4)
      .execute()
  ).map((c) => c.code);
  const [c1, c2, c3] = communes as [string, string, string];
  officeA = await buildOrgUnit(t.db, {
    kind: 'post_office',
    province: '01',
    communes: [c1, c2, c3],
    name: 'Bưu cục A',
  });
  pointA1 = await buildOrgUnit(t.db, { kind: 'post_point', parentId: officeA.id, communes: [c1, c2] });
  pointA2 = await buildOrgUnit(t.db, { kind: 'post_point', parentId: officeA.id, communes: [c3] });
  grassroots = await buildOrgUnit(t.db, { kind: 'vss_grassroots', province: '01', communes: [c1] });
  const anhUser = await buildUser(t.db, {
    role: 'collection_agent',
    orgUnitId: pointA1.id,
    fullName: 'Lê Thị Ánh',
  });
  const binhUser = await buildUser(t.db, {
    role: 'collection_agent',
    orgUnitId: pointA2.id,
    fullName: 'Trần Văn Bình',
  });
  anh = { id: anhUser.id, session: await signedIn(anhUser) };
  binh = { id: binhUser.id, session: await signedIn(binhUser) };
  s.manager = await signedIn(await buildUser(t.db, { role: 'post_office_manager', orgUnitId: officeA.id }));
  s.officer = await signedIn(await buildUser(t.db, { role: 'grassroots_officer', orgUnitId: grassroots.id }));
  const builtCuong = await buildAgent(t.db, { province: '79' });
  cuong = { ...builtCuong, session: await signedIn(builtCuong) };

  campaignId = (
    await post(s.central, '/campaigns', {
      name: 'Tháng vận động 2026',
      theme: 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình',
      startsOn: '2026-05-01',
      endsOn: '2026-05-31',
      products: ['vsi', 'hhi'],
      organisers: ['BHXH Việt Nam'],
    })
  ).json().id;
  await target(50, { orgUnitId: officeA.id });
  await target(20, { orgUnitId: pointA1.id });
  await target(5, { agentUserId: binh.id });

  await enroll(anh.session, c1);
  await enroll(anh.session, c1);
  await enroll(anh.session, c2);
  await enroll(binh.session, c3);
  await enroll(cuong.session, cuong.communes[0]!);
  // A convoy of the post office through commune 1.
  const logged = await post(s.central, `/campaigns/${campaignId}/activities`, {
    orgUnitId: officeA.id,
    kind: 'convoy',
    onDate: '2026-05-08',
    title: 'Đoàn xe qua xã',
    cars: 2,
    motorbikes: 12,
    communes: [c1],
  });
  expect(logged.statusCode, logged.body).toBe(201);
});
afterAll(() => app.close());

describe('a unit’s dashboard', () => {
  it('counts the communes it serves, measures its target by what it collected and ranks who is under it', async () => {
    const body = await ok(s.central, `&unit=${officeA.id}`);
    expect(body.scope).toMatchObject({
      level: 'unit',
      id: officeA.id,
      name: 'Bưu cục A',
      kind: 'post_office',
      provinceCode: '01',
      parent: { level: 'province', code: '01' },
    });
    expect(body.scope.trail.map((p: { level: string }) => p.level)).toEqual(['national', 'province']);
    expect(body.totals).toMatchObject({ enrollments: 4, payments: 0 });
    expect(body.trend).toEqual([{ day: '2026-05-08', enrollments: 4, payments: 0, amount: 0 }]);
    expect(body.target).toMatchObject({
      amount: 50,
      products: ['vsi'],
      actual: 4,
      reached: 0.08,
      measure: 'collected',
      ofUnit: null,
    });
    expect(body.leaders.postOffices).toEqual([
      { orgUnitId: officeA.id, name: 'Bưu cục A', provinceCode: '01', enrollments: 4, amount: 0 },
    ]);
    expect(
      body.leaders.agents.map((a: { fullName: string; enrollments: number }) => [a.fullName, a.enrollments]),
    ).toEqual([
      ['Lê Thị Ánh', 3],
      ['Trần Văn Bình', 1],
    ]);
    expect(body.leaders.provinces).toEqual([]);
    expect(body.kpis).toMatchObject({ convoys: 1, cars: 2, motorbikes: 12, communesReached: 1 });
    expect(body.funnel).toMatchObject({ enrolled: 4 });
    // The map marks the unit's province; a national caller keeps the whole country to jump to.
    expect(body.provinces).toHaveLength(34);
  });

  it('counts a grassroots office by the people of its communes, with its own (empty) leaderboards', async () => {
    const body = await ok(s.officer);
    expect(body.scope).toMatchObject({ level: 'unit', id: grassroots.id, parent: null, trail: [] });
    // Commune 1 has Ánh's two; they were collected by the post network, so nobody ranks under G.
    expect(body.totals.enrollments).toBe(2);
    expect(body.target).toBeNull();
    expect(body.leaders).toEqual({ provinces: [], postOffices: [], agents: [] });
    expect(body.kpis.convoys).toBe(0);
    expect(body.provinces).toEqual([]);
  });

  it('answers with the moving figures alone when asked for the live view', async () => {
    const body = await ok(s.central, `&unit=${officeA.id}&view=live`);
    expect(body.totals.enrollments).toBe(4);
    expect(body.target.amount).toBe(50);
    expect(body).not.toHaveProperty('leaders');
    expect(body).not.toHaveProperty('provinces');
    expect(body).not.toHaveProperty('kpis');
  });
});

describe('a commune’s dashboard', () => {
  it('counts the people of the commune and ranks those who serve it', async () => {
    const [c1] = communes as [string];
    const body = await ok(s.central, `&commune=${c1}`);
    expect(body.scope).toMatchObject({
      level: 'commune',
      code: c1,
      parent: { level: 'province', code: '01' },
    });
    expect(body.totals.enrollments).toBe(2);
    expect(body.target).toBeNull();
    expect(body.funnel).toBeNull();
    expect(body.kpis).toMatchObject({ convoys: 1 });
    expect(body.leaders.postOffices.map((o: { orgUnitId: number }) => o.orgUnitId)).toEqual([officeA.id]);
    expect(body.leaders.agents.map((a: { agentUserId: number }) => a.agentUserId)).toEqual([anh.id]);
    expect((await ok(s.central, `&commune=${communes[1]}`)).kpis.convoys).toBe(0);
  });

  it('never names, to a grassroots officer, the post network’s agents working in their commune', async () => {
    const body = await ok(s.officer, `&commune=${communes[0]}`);
    expect(body.totals.enrollments).toBe(2);
    expect(body.leaders.agents).toEqual([]);
    expect(body.leaders.postOffices).toEqual([]);
    expect(body.scope.parent).toMatchObject({ level: 'unit', id: grassroots.id });
  });
});

describe('an agent’s dashboard', () => {
  it('shows an agent their own figures, their unit’s target and their rank, never another agent’s name', async () => {
    const response = await dashboard(anh.session);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.scope).toMatchObject({ level: 'agent', id: anh.id, name: 'Lê Thị Ánh', parent: null });
    expect(body.totals).toMatchObject({ enrollments: 3 });
    // No target of her own: her point's, measured by what the point collected.
    expect(body.target).toMatchObject({ amount: 20, actual: 3, ofUnit: { id: pointA1.id } });
    expect(body.rank).toEqual({ position: 1, of: 2, provinceCode: '01', provinceName: expect.any(String) });
    expect(body.leaders).toEqual({ provinces: [], postOffices: [], agents: [] });
    expect(body.trend).toEqual([]);
    expect(body.kpis).toBeNull();
    expect(body.provinces).toEqual([]);
    expect(response.body).not.toContain('Trần Văn Bình');
  });

  it('gives an agent with a target of their own that target, and their place behind the leader', async () => {
    const body = await ok(s.manager, `&agent=${binh.id}`);
    expect(body.totals.enrollments).toBe(1);
    expect(body.target).toMatchObject({ amount: 5, actual: 1, reached: 0.2, ofUnit: null });
    expect(body.rank).toMatchObject({ position: 2, of: 2 });
    expect(body.scope.trail.map((p: { level: string; id: number | null }) => [p.level, p.id])).toEqual([
      ['unit', officeA.id],
      ['unit', pointA2.id],
    ]);
  });
});

describe('the level a caller starts at', () => {
  it.each([
    ['central', { level: 'national' }],
    ['hanoi', { level: 'province', code: '01' }],
    ['viewer', { level: 'province', code: '01' }],
    ['manager', { level: 'unit' }],
    ['officer', { level: 'unit' }],
  ] as const)('%s', async (who, scope) => {
    expect((await ok(s[who])).scope).toMatchObject(scope);
  });

  it('is the post office for its manager and the agent’s own figures for an agent', async () => {
    expect((await ok(s.manager)).scope.id).toBe(officeA.id);
    expect((await ok(binh.session)).scope).toMatchObject({ level: 'agent', id: binh.id });
    expect((await ok(binh.session, '&agent=me')).scope.id).toBe(binh.id);
  });
});

describe('outside the caller’s region', () => {
  const refused = async (session: Session, query: string, message: RegExp) => {
    const response = await dashboard(session, query);
    expect(response.statusCode, response.body).toBe(403);
    expect(response.json().error.code).toBe('dashboard.scope_outside');
    expect(response.json().error.message).toMatch(message);
  };

  it('refuses a province, a unit, a commune or an agent of another province, naming what is outside', async () => {
    await refused(s.hcmc, '&province=01', /^Thành phố Hà Nội nằm ngoài địa bàn của bạn/);
    await refused(s.hcmc, `&unit=${officeA.id}`, /^Bưu cục A nằm ngoài địa bàn/);
    await refused(s.hcmc, `&commune=${communes[0]}`, /nằm ngoài địa bàn của bạn/);
    await refused(s.hcmc, `&agent=${anh.id}`, /^Nhân viên mã \d+ nằm ngoài địa bàn/);
    await refused(s.hanoi, `&agent=${cuong.id}`, /^Nhân viên mã/);
  });

  it('keeps a unit to its own subtree and service area', async () => {
    await refused(s.officer, '&province=01', /Hà Nội/);
    await refused(s.officer, `&unit=${officeA.id}`, /Bưu cục A/);
    await refused(s.officer, `&commune=${communes[2]}`, /nằm ngoài/);
    await refused(s.officer, `&agent=${anh.id}`, /Nhân viên mã/);
    await refused(s.manager, `&unit=${grassroots.id}`, /nằm ngoài/);
    expect((await ok(s.manager, `&unit=${pointA1.id}`)).scope.parent).toMatchObject({ id: officeA.id });
    // A provincial officer follows the post network of their province too.
    expect((await ok(s.hanoi, `&unit=${officeA.id}`)).totals.enrollments).toBe(4);
    expect((await ok(s.hanoi, `&agent=${anh.id}`)).totals.enrollments).toBe(3);
  });

  it('keeps an agent to their own figures', async () => {
    await refused(anh.session, `&unit=${pointA1.id}`, /nằm ngoài/);
    await refused(anh.session, `&commune=${communes[0]}`, /nằm ngoài/);
    await refused(anh.session, `&agent=${binh.id}`, /^Nhân viên mã \d+ nằm ngoài/);
    await refused(anh.session, '&province=01', /Hà Nội/);
  });
});

describe('asking wrongly', () => {
  it('names what is wrong', async () => {
    const two = await dashboard(s.central, `&province=01&unit=${officeA.id}`);
    expect(two.statusCode).toBe(400);
    expect(two.json().error).toMatchObject({ code: 'dashboard.one_level' });
    expect(two.json().error.message).toContain('province, unit');
    const missing = await dashboard(s.central, '&unit=999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'dashboard.not_found', field: 'unit' });
    expect(missing.json().error.message).toBe('Không tìm thấy đơn vị mã 999999.');
    const provincial = await provincialUnit(t.db, '01');
    const high = await dashboard(s.central, `&unit=${provincial.id}`);
    expect(high.statusCode).toBe(400);
    expect(high.json().error.code).toBe('dashboard.unit_level');
    const agent = await dashboard(s.central, '&agent=someone');
    expect(agent.statusCode).toBe(400);
    expect(agent.json().error.code).toBe('request.invalid');
  });
});
