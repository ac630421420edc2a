import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildUser, enrollBody } from '../../../test/factories.ts';
import { buildApp, centralOfficer, login, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-05-08T09:00:00+07:00');
let app: App;
let central: Session;
let hcmc: Session;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let agentSession: Session;
let campaignId: number;

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
  app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
const dashboard = async (s: Session, query = '') =>
  call(s, 'GET', `/dashboard?campaignId=${campaignId}${query}`);

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  central = await centralOfficer(app, t.db);
  const h = await buildUser(t.db, { role: 'provincial_officer', province: '79' });
  hcmc = await login(app, h.username, h.password);
  agent = await buildAgent(t.db, { province: '01' });
  agentSession = await login(app, agent.username, agent.password);
  campaignId = (
    await call(central, 'POST', '/campaigns', {
      name: 'Tháng vận động 2026',
      theme: 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình',
      startsOn: '2026-05-01',
      endsOn: '2026-05-31',
      products: ['vsi', 'hhi'],
      organisers: ['BHXH Việt Nam'],
    })
  ).json().id;
  await call(central, 'PUT', `/campaigns/${campaignId}/targets`, { product: 'vsi', amount: 10_000 });
});
afterAll(() => app.close());

describe('the live dashboard', () => {
  it('starts empty but whole: 34 tiles, a target, zero everywhere', async () => {
    const response = await dashboard(central, '&product=vsi');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.scope).toMatchObject({ level: 'national', name: 'Toàn quốc' });
    expect(body.totals).toEqual({ enrollments: 0, firstPayments: 0, payments: 0, amount: 0 });
    expect(body.target).toMatchObject({ amount: 10_000, reached: 0, behind: true });
    expect(body.provinces).toHaveLength(34);
    const known = await t.db.selectFrom('province').select('code').execute();
    expect(new Set(body.provinces.map((p: { code: string }) => p.code))).toEqual(
      new Set(known.map((k) => k.code)),
    );
    expect(body.trend).toEqual([]);
  });

  it('shows an enrollment and its payment at once, on the total, the trend, the map and the leaderboards', async () => {
    const enrolled = await call(
      agentSession,
      'POST',
      '/participants',
      enrollBody({
        communeCode: agent.communes[0]!,
        startMonth: '2026-05',
        campaignId,
        categories: ['other'],
      }),
    );
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const quote = await call(agentSession, 'POST', `/participants/${enrolled.json().id}/payment-quote`, {
      mode: 'monthly',
    });
    const paid = await call(agentSession, 'POST', `/participants/${enrolled.json().id}/payments`, {
      mode: 'monthly',
      method: 'cash',
      amount: quote.json().quote.total,
    });
    expect(paid.statusCode, paid.body).toBe(201);

    const body = (await dashboard(central, '&product=vsi')).json();
    expect(body.totals).toMatchObject({ enrollments: 1, firstPayments: 1, payments: 1 });
    expect(body.totals.amount).toBeGreaterThan(0);
    expect(body.trend).toEqual([expect.objectContaining({ day: '2026-05-08', enrollments: 1, payments: 1 })]);
    expect(body.provinces.find((p: { code: string }) => p.code === '01')).toMatchObject({ enrollments: 1 });
    expect(body.leaders.agents[0]).toMatchObject({ agentUserId: agent.id, enrollments: 1 });
    expect(body.leaders.postOffices[0]).toMatchObject({ orgUnitId: agent.office.id, enrollments: 1 });
    expect(body.leaders.provinces[0]).toMatchObject({ code: '01' });
    expect(body.funnel).toMatchObject({ enrolled: 1, firstPaid: 1 });
  });

  it('keeps a province to its own figures, and refuses another province', async () => {
    const own = (await dashboard(hcmc)).json();
    expect(own.scope).toMatchObject({ level: 'province', code: '79' });
    expect(own.totals.enrollments).toBe(0);
    expect(own.provinces).toHaveLength(1);
    expect(own.leaders.agents).toEqual([]);
    const other = await dashboard(hcmc, '&province=01');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('dashboard.scope_outside');
    const hanoi = (await dashboard(central, '&province=01')).json();
    expect(hanoi.totals.enrollments).toBe(1);
    // The map stays whole for a national caller looking at one province.
    expect(hanoi.provinces).toHaveLength(34);
    expect(hanoi.leaders.provinces.map((p: { code: string }) => p.code)).toEqual(['01']);
  });

  it('counts an activity logged on the ground among the KPIs', async () => {
    const hanoiUnit = await t.db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', 'BHXH-01')
      .executeTakeFirstOrThrow();
    await call(central, 'POST', `/campaigns/${campaignId}/activities`, {
      orgUnitId: hanoiUnit.id,
      kind: 'convoy',
      onDate: '2026-05-08',
      title: 'Đoàn xe',
      cars: 5,
      motorbikes: 40,
    });
    expect((await dashboard(central)).json().kpis).toMatchObject({ convoys: 1, cars: 5, motorbikes: 40 });
    expect((await dashboard(central, '&province=79')).json().kpis).toMatchObject({ convoys: 0 });
  });
});

describe('attribution to the campaign under way', () => {
  it('counts what agents enroll and collect during the campaign without their naming it, and not after it', async () => {
    const before = (await dashboard(central)).json().totals.enrollments as number;
    const body = enrollBody({
      communeCode: agent.communes[0]!,
      startMonth: '2026-05',
      categories: ['other'],
    });
    const { campaignId: _, ...unnamed } = body as Record<string, unknown>;
    const enrolled = await call(agentSession, 'POST', '/participants', unnamed);
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    expect(enrolled.json().enrollment.campaignId).toBe(campaignId);

    // A household's members count for household HI.
    const household = await call(agentSession, 'POST', '/households', {
      communeCode: agent.communes[0],
      paymentMonths: 12,
      members: [enrollBody({ communeCode: agent.communes[0]!, birthDate: '1950-01-01', sex: 'M' })].map(
        ({ personalId, fullName, birthDate, sex }) => ({ personalId, fullName, birthDate, sex }),
      ),
    });
    expect(household.statusCode, household.body).toBe(201);
    const now = (await dashboard(central)).json();
    expect(now.totals.enrollments).toBe(before + 2);
    expect((await dashboard(central, '&product=hhi')).json().totals.enrollments).toBe(1);
    // Both products shown, but the target is VSI's alone: its progress counts VSI alone.
    const vsi = (await dashboard(central, '&product=vsi')).json().totals.enrollments;
    expect(now.target).toMatchObject({
      amount: 10_000,
      products: ['vsi'],
      actual: vsi,
      reached: vsi / 10_000,
    });

    // Saying "no campaign" is heard.
    const outside = await call(agentSession, 'POST', '/participants', {
      ...enrollBody({ communeCode: agent.communes[0]!, startMonth: '2026-05', categories: ['other'] }),
      campaignId: null,
    });
    expect(outside.json().enrollment.campaignId).toBeNull();
    expect((await dashboard(central)).json().totals.enrollments).toBe(before + 2);

    // After the campaign, this person's payments are renewals, not the campaign's.
    clock.set('2026-06-03T09:00:00+07:00');
    const agentNow = await login(app, agent.username, agent.password);
    const centralNow = await login(
      app,
      (
        await t.db
          .selectFrom('app_user')
          .select('username')
          .where('role', '=', 'central_officer')
          .executeTakeFirstOrThrow()
      ).username,
      'mat-khau-thu-nghiem',
    );
    const id = enrolled.json().id;
    const priced = await app.inject({
      method: 'POST',
      url: `/api/v1/participants/${id}/payment-quote`,
      headers: agentNow.headers,
      payload: { mode: 'monthly' },
    });
    const paid = await app.inject({
      method: 'POST',
      url: `/api/v1/participants/${id}/payments`,
      headers: agentNow.headers,
      payload: { mode: 'monthly', method: 'cash', amount: priced.json().quote.total },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const row = await t.db
      .selectFrom('payment')
      .select('campaign_id')
      .where('participant_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.campaign_id).toBeNull();
    const after = await app.inject({
      method: 'GET',
      url: `/api/v1/dashboard?campaignId=${campaignId}`,
      headers: centralNow.headers,
    });
    expect(after.json().totals.payments).toBe(now.totals.payments);
  });
});
