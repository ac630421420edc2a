import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, enrollBody } from '../../../test/factories.ts';
import { buildApp, centralOfficer, login, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

// A campaign planned on the 63 provinces of before 1 July 2025 reports on today's 34.
const t = setupTestDatabase();
const clock = fixedClock('2026-05-08T09:00:00+07:00');
let app: App;
let central: Session;
let agentSession: Session;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let campaignId: number;
let oldHere: { code: string; name: string };
let oldNeighbour: { code: string; name: string };
let today: string;

const call = (
  s: Session,
  method: 'GET' | 'PUT' | 'POST' | 'PATCH',
  url: string,
  payload?: Record<string, unknown>,
) => app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  central = await centralOfficer(app, t.db);
  // A province of today formed from two or more of the old ones.
  const merged = await t.db
    .selectFrom('legacy_unit')
    .select(['province_code'])
    .where('level', '=', 'province')
    .groupBy('province_code')
    .having((eb) => eb.fn.countAll(), '>=', 2)
    .orderBy('province_code')
    .executeTakeFirstOrThrow();
  today = merged.province_code;
  agent = await buildAgent(t.db, { province: today });
  agentSession = await login(app, agent.username, agent.password);
  // The old province the agent's first commune continues, and another one merged into the same.
  const origin = await t.db
    .selectFrom('legacy_lineage as l')
    .innerJoin('legacy_unit as c', 'c.id', 'l.legacy_unit_id')
    .innerJoin('legacy_unit as d', 'd.id', 'c.parent_id')
    .innerJoin('legacy_unit as p', 'p.id', 'd.parent_id')
    .select(['p.code', 'p.name'])
    .where('l.commune_code', '=', agent.communes[0]!)
    .executeTakeFirstOrThrow();
  oldHere = origin;
  oldNeighbour = await t.db
    .selectFrom('legacy_unit')
    .select(['code', 'name'])
    .where('level', '=', 'province')
    .where('province_code', '=', today)
    .where('code', '<>', origin.code)
    .executeTakeFirstOrThrow();
  campaignId = (
    await call(central, 'POST', '/campaigns', {
      name: 'Tháng vận động theo kế hoạch cũ',
      theme: 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình',
      startsOn: '2026-05-01',
      endsOn: '2026-05-31',
      products: ['vsi'],
      organisers: ['BHXH Việt Nam'],
    })
  ).json().id;
  await call(central, 'PUT', `/campaigns/${campaignId}/targets`, { product: 'vsi', amount: 10_000 });
});
afterAll(() => app.close());

describe('targets on the pre-2025 provinces', () => {
  it('are refused above the national figure and for a code that never existed', async () => {
    const over = await call(central, 'PUT', `/campaigns/${campaignId}/legacy-targets`, {
      product: 'vsi',
      level: 'province',
      items: [{ code: oldHere.code, amount: 10_001 }],
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('target.children_exceed_parent');
    const unknown = await call(central, 'PUT', `/campaigns/${campaignId}/legacy-targets`, {
      product: 'vsi',
      level: 'province',
      items: [{ code: '99', amount: 10 }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('"99"');
  });

  it("roll up into today's province on the map, and count registrations through the lineage", async () => {
    const set = await call(central, 'PUT', `/campaigns/${campaignId}/legacy-targets`, {
      product: 'vsi',
      level: 'province',
      items: [
        { code: oldHere.code, amount: 3_000 },
        { code: oldNeighbour.code, amount: 2_000 },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    const enrolled = await call(
      agentSession,
      'POST',
      '/participants',
      enrollBody({ communeCode: agent.communes[0]!, startMonth: '2026-05', categories: ['other'] }),
    );
    expect(enrolled.statusCode, enrolled.body).toBe(201);

    const list = (await call(central, 'GET', `/campaigns/${campaignId}/legacy-targets?product=vsi`)).json();
    const byCode = new Map(list.items.map((i: { code: string }) => [i.code, i]));
    expect(byCode.get(oldHere.code)).toMatchObject({
      amount: 3_000,
      actual: 1,
      provinceCode: today,
      name: oldHere.name,
    });
    expect(byCode.get(oldNeighbour.code)).toMatchObject({ amount: 2_000, provinceCode: today });

    const board = (await call(central, 'GET', `/dashboard?campaignId=${campaignId}`)).json();
    const tile = board.provinces.find((p: { code: string }) => p.code === today);
    expect(tile).toMatchObject({ target: 5_000, enrollments: 1 });
    // The national tree of today's units is untouched by the old list.
    const tree = (await call(central, 'GET', `/campaigns/${campaignId}/targets?product=vsi`)).json();
    expect(tree.children).toEqual([]);
    // Nor can the national figure now drop below what the old provinces were given.
    const lower = await call(central, 'PUT', `/campaigns/${campaignId}/targets`, {
      product: 'vsi',
      amount: 4_000,
    });
    expect(lower.statusCode).toBe(409);
    expect(lower.json().error.code).toBe('target.below_children');
  });
});

describe('children of a target on the pre-2025 units', () => {
  const districtsOf = async (provinceCode: string) =>
    t.db
      .selectFrom('legacy_unit as d')
      .innerJoin('legacy_unit as p', 'p.id', 'd.parent_id')
      .select('d.code')
      .where('d.level', '=', 'district')
      .where('p.level', '=', 'province')
      .where('p.code', '=', provinceCode)
      .orderBy('d.code')
      .limit(2)
      .execute();
  const put = (level: 'province' | 'district', items: { code: string; amount: number }[]) =>
    call(central, 'PUT', `/campaigns/${campaignId}/legacy-targets`, { product: 'vsi', level, items });
  const listed = async () =>
    (await call(central, 'GET', `/campaigns/${campaignId}/legacy-targets?product=vsi`)).json().items as {
      code: string;
      level: string;
      amount: number;
    }[];

  it('never exceed their former province: not when the districts are set, nor when the province is lowered', async () => {
    // Set in the test above: the agent's former province 3,000, its neighbour 2,000.
    const [d1, d2] = await districtsOf(oldHere.code);
    const over = await put('district', [
      { code: d1!.code, amount: 2_000 },
      { code: d2!.code, amount: 1_500 },
    ]);
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({ code: 'target.children_exceed_parent' });
    expect(over.json().error.message).toBe(
      'Các chỉ tiêu đã điều chỉnh tay cộng lại 3.500, vượt chỉ tiêu cấp trên 3.000. Không có gì được lưu.',
    );
    expect((await listed()).filter((i) => i.level === 'district')).toEqual([]);

    const within = await put('district', [
      { code: d1!.code, amount: 2_000 },
      { code: d2!.code, amount: 1_000 },
    ]);
    expect(within.statusCode, within.body).toBe(200);
    const lowered = await put('province', [
      { code: oldHere.code, amount: 2_500 },
      { code: oldNeighbour.code, amount: 2_000 },
    ]);
    expect(lowered.statusCode).toBe(409);
    expect(lowered.json().error.message).toContain('3.000, vượt chỉ tiêu cấp trên 2.500');
    expect((await listed()).find((i) => i.code === oldHere.code)?.amount).toBe(3_000);

    // The districts lie within their province: the map's figure for today's province is unchanged.
    const board = (await call(central, 'GET', `/dashboard?campaignId=${campaignId}`)).json();
    expect(board.provinces.find((p: { code: string }) => p.code === today).target).toBe(5_000);
  });

  it("leave today's units only the rest of the national target, and together never exceed it", async () => {
    const national = (await call(central, 'GET', `/campaigns/${campaignId}/targets?product=vsi`)).json();
    const split = await call(central, 'POST', `/targets/${national.id}/cascade`, { apply: true });
    expect(split.statusCode, split.body).toBe(200);
    // The former provinces hold 5,000 of the 10,000: the proposal and the split share the other 5,000.
    expect(split.json().items.reduce((n: number, i: { proposed: number }) => n + i.proposed, 0)).toBe(5_000);
    const tree = (await call(central, 'GET', `/targets/${national.id}`)).json();
    const sum = (nodes: { amount: number }[]) => nodes.reduce((n, c) => n + c.amount, 0);
    expect(sum(tree.children)).toBe(5_000);

    const child = tree.children[0];
    const overOne = await call(central, 'PATCH', `/targets/${child.id}`, { amount: 6_000 });
    expect(overOne.statusCode).toBe(409);
    expect(overOne.json().error.message).toContain('11.000, vượt chỉ tiêu cấp trên 10.000');
    expect((await call(central, 'PATCH', `/targets/${child.id}`, { amount: 4_000 })).statusCode).toBe(200);

    // Raising the former provinces to 7,000 would put the two lists at 11,000: refused, nothing saved.
    const raised = await put('province', [
      { code: oldHere.code, amount: 5_000 },
      { code: oldNeighbour.code, amount: 2_000 },
    ]);
    expect(raised.statusCode).toBe(409);
    expect(raised.json().error.message).toContain('11.000, vượt chỉ tiêu cấp trên 10.000');
    expect((await listed()).find((i) => i.code === oldHere.code)?.amount).toBe(3_000);

    // To 5,500 it fits: today's units not set by hand give way, and everything adds up to 10,000.
    const fits = await put('province', [
      { code: oldHere.code, amount: 3_500 },
      { code: oldNeighbour.code, amount: 2_000 },
    ]);
    expect(fits.statusCode, fits.body).toBe(200);
    const after = (await call(central, 'GET', `/targets/${national.id}`)).json();
    expect(after.children.find((c: { id: number }) => c.id === child.id).amount).toBe(4_000);
    expect(sum(after.children)).toBe(4_500);
  });
});
