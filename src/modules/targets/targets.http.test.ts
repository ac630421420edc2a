import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildUser, enrollBody } from '../../../test/factories.ts';
import { buildApp, centralOfficer, login, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-05-11T09:00:00+07:00');
let app: App;
let central: Session;
let hanoi: Session;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let agentSession: Session;
let campaignId: number;

interface Node {
  id: number;
  name: string;
  orgUnitId: number | null;
  agentUserId: number | null;
  amount: number;
  overridden: boolean;
  actual: number;
  behind: boolean;
  children: Node[];
}

const call = (
  s: Session,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload?: Record<string, unknown>,
) => app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
const sum = (nodes: { amount: number }[]) => nodes.reduce((a, n) => a + n.amount, 0);
const provinceNode = async (node: Node, code: string) => {
  const unit = await t.db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', `BHXH-${code}`)
    .executeTakeFirstOrThrow();
  return node.children.find((c) => c.orgUnitId === unit.id)!;
};

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  central = await centralOfficer(app, t.db);
  const h = await buildUser(t.db, { role: 'provincial_officer', province: '01' });
  hanoi = await login(app, h.username, h.password);
  agent = await buildAgent(t.db, { province: '01' });
  agentSession = await login(app, agent.username, agent.password);
  // Potential: Hanoi has 2.5 million of working age not covered, Ho Chi Minh City 1.5 million.
  await t.db.deleteFrom('denominator').execute();
  await t.db
    .insertInto('denominator')
    .values([
      {
        province_code: '01',
        as_of: '2025-12-31',
        labour_force: 4_000_000,
        compulsory_participants: 1_500_000,
        source: 'thử',
      },
      {
        province_code: '79',
        as_of: '2025-12-31',
        labour_force: 4_000_000,
        compulsory_participants: 2_500_000,
        source: 'thử',
      },
    ])
    .execute();
  campaignId = (
    await call(central, 'POST', '/campaigns', {
      name: 'Tháng vận động 2026',
      theme: 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình',
      startsOn: '2026-05-01',
      endsOn: '2026-05-31',
      products: ['vsi'],
      organisers: ['BHXH Việt Nam', 'Bưu điện Việt Nam'],
    })
  ).json().id;
});
afterAll(() => app.close());

describe('the cascade', () => {
  let national: Node;

  it('sets the national target of 10,000, and proposes a split by potential that adds up exactly', async () => {
    const set = await call(central, 'PUT', `/campaigns/${campaignId}/targets`, {
      product: 'vsi',
      amount: 10_000,
    });
    expect(set.statusCode, set.body).toBe(200);
    national = set.json();
    expect(national).toMatchObject({ amount: 10_000, children: [] });
    const proposal = (
      await call(central, 'POST', `/targets/${national.id}/cascade`, { apply: false })
    ).json();
    expect(proposal.applied).toBe(false);
    expect(proposal.items.length).toBeGreaterThanOrEqual(34);
    expect(proposal.items.reduce((a: number, i: { proposed: number }) => a + i.proposed, 0)).toBe(10_000);
    const proposed = new Map(
      proposal.items.map((i: { name: string; proposed: number }) => [i.name, i.proposed]),
    );
    const hanoiName = (
      await t.db.selectFrom('org_unit').select('name').where('code', '=', 'BHXH-01').executeTakeFirstOrThrow()
    ).name;
    const hcmcName = (
      await t.db.selectFrom('org_unit').select('name').where('code', '=', 'BHXH-79').executeTakeFirstOrThrow()
    ).name;
    // 2.5 million against 1.5 million: 6,250 and 3,750.
    expect(proposed.get(hanoiName)).toBe(6_250);
    expect(proposed.get(hcmcName)).toBe(3_750);
    // Nothing was stored by a proposal.
    expect((await call(central, 'GET', `/targets/${national.id}`)).json().children).toEqual([]);
  });

  it('applies the split, and an override is absorbed by the others so the children still add up', async () => {
    national =
      (await call(central, 'POST', `/targets/${national.id}/cascade`, { apply: true })).json() &&
      (await call(central, 'GET', `/targets/${national.id}`)).json();
    expect(sum(national.children)).toBe(10_000);
    const hn = await provinceNode(national, '01');
    const changed = await call(central, 'PATCH', `/targets/${hn.id}`, { amount: 7_000 });
    expect(changed.statusCode, changed.body).toBe(200);
    national = (await call(central, 'GET', `/targets/${national.id}`)).json();
    expect((await provinceNode(national, '01')).amount).toBe(7_000);
    expect((await provinceNode(national, '01')).overridden).toBe(true);
    expect((await provinceNode(national, '79')).amount).toBe(3_000);
    expect(sum(national.children)).toBe(10_000);
  });

  it('never lets children exceed their parent: the override is refused and nothing changes', async () => {
    const hcm = await provinceNode(national, '79');
    const refused = await call(central, 'PATCH', `/targets/${hcm.id}`, { amount: 3_500 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('target.children_exceed_parent');
    expect(refused.json().error.message).toContain('10.000');
    const lowered = await call(central, 'PUT', `/campaigns/${campaignId}/targets`, {
      product: 'vsi',
      amount: 6_000,
    });
    expect(lowered.statusCode).toBe(409);
    const after = (await call(central, 'GET', `/targets/${national.id}`)).json();
    expect(after.amount).toBe(10_000);
    expect(sum(after.children)).toBe(10_000);
    expect((await provinceNode(after, '79')).amount).toBe(3_000);
  });

  it('follows a new national figure, and an undone override returns to the proposal', async () => {
    const raised = (
      await call(central, 'PUT', `/campaigns/${campaignId}/targets`, { product: 'vsi', amount: 12_000 })
    ).json();
    expect((await provinceNode(raised, '01')).amount).toBe(7_000);
    expect((await provinceNode(raised, '79')).amount).toBe(5_000);
    const hn = await provinceNode(raised, '01');
    const undone = await call(central, 'PATCH', `/targets/${hn.id}`, { overridden: false });
    expect(undone.statusCode, undone.body).toBe(200);
    national = (await call(central, 'GET', `/targets/${national.id}`)).json();
    expect((await provinceNode(national, '01')).amount).toBe(7_500);
    expect((await provinceNode(national, '79')).amount).toBe(4_500);
  });

  it('goes down to the post network and its agents, and counts what each agent enrolls', async () => {
    const hn = await provinceNode(national, '01');
    const split = await call(hanoi, 'POST', `/targets/${hn.id}/cascade`, { apply: true });
    expect(split.statusCode, split.body).toBe(200);
    const provinceSplit = split.json();
    expect(provinceSplit.items.some((i: { name: string }) => i.name.includes('Bưu điện'))).toBe(true);
    const hanoiNode: Node = (await call(hanoi, 'GET', `/targets/${hn.id}`)).json();
    expect(sum(hanoiNode.children)).toBe(7_500);
    const post = (
      await t.db.selectFrom('org_unit').select('id').where('code', '=', 'BD-01').executeTakeFirstOrThrow()
    ).id;
    let node = hanoiNode.children.find((c) => c.orgUnitId === post)!;
    for (const unitId of [agent.office.id, agent.point.id]) {
      await call(hanoi, 'POST', `/targets/${node.id}/cascade`, { apply: true });
      const parent: Node = (await call(hanoi, 'GET', `/targets/${node.id}`)).json();
      expect(sum(parent.children)).toBe(parent.amount);
      node = parent.children.find((c) => c.orgUnitId === unitId)!;
      expect(node).toBeDefined();
    }
    await call(hanoi, 'POST', `/targets/${node.id}/cascade`, { apply: true });
    const point: Node = (await call(hanoi, 'GET', `/targets/${node.id}`)).json();
    const mine = point.children.find((c) => c.agentUserId === agent.id)!;
    expect(mine.amount).toBe(point.amount);

    for (let i = 0; i < 3; i++) {
      const r = await call(
        agentSession,
        'POST',
        '/participants',
        enrollBody({ communeCode: agent.communes[0]!, startMonth: '2026-05', campaignId }),
      );
      expect(r.statusCode, r.body).toBe(201);
    }
    const after: Node = (await call(hanoi, 'GET', `/targets/${mine.id}`)).json();
    expect(after.actual).toBe(3);
    const country: Node = (await call(hanoi, 'GET', `/campaigns/${campaignId}/targets?product=vsi`)).json();
    expect(country.actual).toBe(3);
    expect((await provinceNode(country, '01')).actual).toBe(3);
    expect((await provinceNode(country, '79')).actual).toBe(0);
    // Hà Nội's children are its VSS offices and the post network: each counts what it collected, so
    // the post agent's three are the post network's and no VSS office's, and the children add up.
    const byChild: Node = (await call(hanoi, 'GET', `/targets/${hn.id}`)).json();
    const actuals = byChild.children.map((c) => c.actual);
    expect(actuals.reduce((a, n) => a + n, 0)).toBe(byChild.actual);
    expect(byChild.children.find((c) => c.orgUnitId === post)!.actual).toBe(3);
    // Ten days of 31 gone, and a handful of 12,000: far behind.
    expect(country.behind).toBe(true);
  });

  it('refuses a product the campaign does not cover', async () => {
    const response = await call(central, 'PUT', `/campaigns/${campaignId}/targets`, {
      product: 'hhi',
      amount: 5,
    });
    expect(response.json().error).toMatchObject({ code: 'target.product_not_in_campaign', field: 'product' });
  });
});
