import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildOrgUnit, buildUser, denominatorRow, enrollBody } from '../../../test/factories.ts';
import { buildApp, centralOfficer, login, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-05-08T09:00:00+07:00');
let app: App;
let central: Session;
let hanoi: Session;
let grassroots: Session;

const get = (s: Session, url: string) =>
  app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s.headers });
const post = (s: Session, url: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers, payload });

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  central = await centralOfficer(app, t.db);
  const h = await buildUser(t.db, { role: 'provincial_officer', province: '01' });
  hanoi = await login(app, h.username, h.password);
  const office = await buildOrgUnit(t.db, { kind: 'vss_grassroots', province: '01' });
  const g = await buildUser(t.db, { role: 'grassroots_officer', orgUnitId: office.id });
  grassroots = await login(app, g.username, g.password);

  await t.db.deleteFrom('denominator').execute();
  await t.db
    .insertInto('denominator')
    .values([
      denominatorRow('01', '2025-05-01', 3_900_000, 1_400_000, 240_000),
      denominatorRow('01', '2026-03-31', 4_000_000, 1_500_000, 300_000),
      // Recorded for a day still to come: not in force on 8 May.
      denominatorRow('01', '2026-06-30', 9_999_999, 1_600_000, 310_000),
      denominatorRow('79', '2025-04-30', 4_100_000, 2_400_000, 100_000),
      denominatorRow('79', '2026-04-30', 4_200_000, 2_520_000, 120_000),
    ])
    .execute();
  // Months of cover from earlier work (the roll-up the triggers keep), and one person enrolled now.
  await t.db
    .insertInto('stat_coverage_month')
    .values([
      { month: '2025-05-01', province_code: '01', vsi: 80, hhi: 1_000 },
      { month: '2025-05-01', province_code: '79', vsi: 50, hhi: 0 },
      { month: '2026-05-01', province_code: '01', vsi: 99, hhi: 2_000 },
    ])
    .execute();
  const agent = await buildAgent(t.db, { province: '01' });
  const session = await login(app, agent.username, agent.password);
  const enrolled = await post(
    session,
    '/participants',
    enrollBody({ communeCode: agent.communes[0]!, startMonth: '2026-05', categories: ['other'] }),
  );
  expect(enrolled.statusCode, enrolled.body).toBe(201);
  const id = enrolled.json().id;
  const quote = await post(session, `/participants/${id}/payment-quote`, { mode: 'monthly' });
  const paid = await post(session, `/participants/${id}/payments`, {
    mode: 'monthly',
    method: 'cash',
    amount: quote.json().quote.total,
  });
  expect(paid.statusCode, paid.body).toBe(201);
});
afterAll(() => app.close());

describe('coverage as of a day', () => {
  it('divides participants by the labour force, nationally and per province, against a year earlier', async () => {
    const response = await get(central, '/coverage?asOf=2026-05-08');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ asOf: '2026-05-08', lastYearAsOf: '2025-05-08' });

    // Hà Nội: the denominators of 31 March; 300,000 voluntary outside + 99 + the one paid today.
    const hanoiRow = body.provinces.find((p: { code: string }) => p.code === '01');
    expect(hanoiRow).toMatchObject({
      labourForce: 4_000_000,
      compulsory: 1_500_000,
      voluntary: 300_100,
      householdHi: 2_000,
      participants: 1_800_100,
      lastYear: { compulsory: 1_400_000, voluntary: 240_080, householdHi: 1_000 },
    });
    expect(hanoiRow.coverage).toBeCloseTo(1_800_100 / 4_000_000, 12);
    expect(hanoiRow.voluntaryShare).toBeCloseTo(300_100 / 1_800_100, 12);
    expect(hanoiRow.growth.participants).toBeCloseTo(1_800_100 / 1_640_080 - 1, 12);
    expect(hanoiRow.growth.voluntary).toBeCloseTo(300_100 / 240_080 - 1, 12);
    expect(hanoiRow.growth.householdHi).toBe(1);

    const hcmcRow = body.provinces.find((p: { code: string }) => p.code === '79');
    expect(hcmcRow).toMatchObject({ participants: 2_640_000, voluntary: 120_000, householdHi: 0 });
    expect(hcmcRow.coverage).toBeCloseTo(2_640_000 / 4_200_000, 12);
    expect(hcmcRow.growth.participants).toBeCloseTo(2_640_000 / 2_500_050 - 1, 12);

    // The country: every province that has the figure.
    expect(body.national).toMatchObject({
      code: null,
      labourForce: 8_200_000,
      compulsory: 4_020_000,
      voluntary: 420_100,
      householdHi: 2_000,
      participants: 4_440_100,
      lastYear: { compulsory: 3_800_000, voluntary: 340_130, householdHi: 1_000 },
    });
    expect(body.national.coverage).toBeCloseTo(4_440_100 / 8_200_000, 12);
    expect(body.national.growth.participants).toBeCloseTo(4_440_100 / 4_140_130 - 1, 12);

    // The map has all 34; a province without denominators has no share rather than a zero one.
    expect(body.provinces).toHaveLength(34);
    expect(body.provinces.find((p: { code: string }) => p.code === '96')).toMatchObject({
      labourForce: null,
      participants: null,
      coverage: null,
      voluntary: 0,
      lastYear: null,
      growth: { participants: null, voluntary: null, householdHi: null },
    });
  });

  it('takes the denominators in force on the day asked for', async () => {
    const later = (await get(central, '/coverage?asOf=2026-07-01&province=01')).json();
    expect(later.national).toBeNull();
    expect(later.provinces).toEqual([expect.objectContaining({ code: '01', labourForce: 9_999_999 })]);
    const before = (await get(central, '/coverage?asOf=2025-01-01&province=01')).json();
    expect(before.provinces[0]).toMatchObject({ labourForce: null, participants: null });
  });

  it('agrees with the bulletin it is quoted beside', async () => {
    const coverage = (await get(hanoi, '/coverage?asOf=2026-05-08')).json().provinces[0];
    const bulletin = (await get(hanoi, '/bulletin?asOf=2026-05-08')).json();
    expect(bulletin.figures).toMatchObject({
      labourForce: coverage.labourForce,
      compulsory: coverage.compulsory,
      voluntary: coverage.voluntary,
      householdHi: coverage.householdHi,
    });
    expect(bulletin.coverage).toEqual({
      participants: coverage.participants,
      coverage: coverage.coverage,
      voluntaryShare: coverage.voluntaryShare,
      growth: coverage.growth,
    });
  });

  it('shows each caller only the provinces they serve whole', async () => {
    const own = await get(hanoi, '/coverage?asOf=2026-05-08');
    expect(own.statusCode).toBe(200);
    expect(own.json().national).toBeNull();
    expect(own.json().provinces.map((p: { code: string }) => p.code)).toEqual(['01']);
    const other = await get(hanoi, '/coverage?province=79');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('dashboard.scope_outside');
    // A grassroots office serves part of a province: no provincial figure is its to read.
    expect((await get(grassroots, '/coverage')).json()).toMatchObject({ national: null, provinces: [] });
    expect((await get(grassroots, '/coverage?province=01')).statusCode).toBe(403);
  });

  it('asks for a day as YYYY-MM-DD', async () => {
    const response = await get(central, '/coverage?asOf=08/05/2026');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'request.invalid', field: 'asOf' });
  });
});
