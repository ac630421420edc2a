import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, enrollBody } from '../../../test/factories.ts';
import { buildApp, centralOfficer, login, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

// A target is set per campaign × product × unit × period: the campaign's by default, or part of it.
const t = setupTestDatabase();
const clock = fixedClock('2026-05-11T09:00:00+07:00');
let app: App;
let central: Session;
let hanoiUnit: number;

interface Node {
  id: number;
  orgUnitId: number | null;
  amount: number;
  periodStart: string;
  periodEnd: string;
  actual: number;
  elapsed: number;
  children: Node[];
}

const call = (
  s: Session,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload?: Record<string, unknown>,
) => app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
const newCampaign = async (name: string) =>
  (
    await call(central, 'POST', '/campaigns', {
      name,
      theme: 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình',
      startsOn: '2026-05-01',
      endsOn: '2026-05-31',
      products: ['vsi'],
      organisers: ['BHXH Việt Nam'],
    })
  ).json().id as number;
const tree = async (id: number): Promise<Node> => (await call(central, 'GET', `/targets/${id}`)).json();
const periods = (nodes: Node[]) => [...new Set(nodes.map((n) => `${n.periodStart}..${n.periodEnd}`))];

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  central = await centralOfficer(app, t.db);
  hanoiUnit = (
    await t.db.selectFrom('org_unit').select('id').where('code', '=', 'BHXH-01').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => app.close());

describe('a target’s period', () => {
  let campaignId: number;
  let national: Node;

  it('is the campaign’s unless another is asked for, and must lie within the campaign', async () => {
    campaignId = await newCampaign('Tháng vận động có chỉ tiêu theo thời gian');
    const before = await call(central, 'PUT', `/campaigns/${campaignId}/targets`, {
      product: 'vsi',
      amount: 10_000,
      periodStart: '2026-04-20',
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().error).toMatchObject({
      code: 'target.period_outside_campaign',
      field: 'periodStart',
    });
    expect(before.json().error.message).toBe(
      'Thời gian của chỉ tiêu (2026-04-20 – 2026-05-31) phải nằm trong thời gian chiến dịch, từ 2026-05-01 đến 2026-05-31.',
    );
    const inverted = await call(central, 'PUT', `/campaigns/${campaignId}/targets`, {
      product: 'vsi',
      amount: 10_000,
      periodStart: '2026-05-20',
      periodEnd: '2026-05-10',
    });
    expect(inverted.json().error).toMatchObject({ code: 'target.invalid_period', field: 'periodEnd' });
    expect((await call(central, 'GET', `/campaigns/${campaignId}/targets?product=vsi`)).json()).toBeNull();

    const set = await call(central, 'PUT', `/campaigns/${campaignId}/targets`, {
      product: 'vsi',
      amount: 10_000,
    });
    expect(set.statusCode, set.body).toBe(200);
    national = set.json();
    // 11 May: 11 of the campaign's 31 days are gone.
    expect(national).toMatchObject({ periodStart: '2026-05-01', periodEnd: '2026-05-31', elapsed: 0.3548 });
  });

  it('is split for part of the parent’s period, never beyond it, and the pace follows each target’s own', async () => {
    const outside = await call(central, 'POST', `/targets/${national.id}/cascade`, {
      apply: true,
      periodStart: '2026-04-30',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({
      code: 'target.period_outside_parent',
      field: 'periodStart',
    });
    expect((await tree(national.id)).children).toEqual([]);

    const split = await call(central, 'POST', `/targets/${national.id}/cascade`, {
      apply: true,
      periodEnd: '2026-05-20',
    });
    expect(split.statusCode, split.body).toBe(200);
    expect(split.json()).toMatchObject({ periodStart: '2026-05-01', periodEnd: '2026-05-20' });
    const after = await tree(national.id);
    expect(periods(after.children)).toEqual(['2026-05-01..2026-05-20']);
    // 11 of the provinces' 20 days, 11 of the country's 31.
    expect(after.elapsed).toBe(0.3548);
    expect(new Set(after.children.map((c) => c.elapsed))).toEqual(new Set([0.55]));
  });

  it('moves with its children that spanned it, and refuses to leave any other outside it', async () => {
    const stranding = await call(central, 'PUT', `/campaigns/${campaignId}/targets`, {
      product: 'vsi',
      amount: 10_000,
      periodEnd: '2026-05-15',
    });
    expect(stranding.statusCode).toBe(409);
    expect(stranding.json().error.code).toBe('target.child_outside_period');
    expect(stranding.json().error.message).toMatch(
      /^Chỉ tiêu của ".+" đặt cho 2026-05-01 – 2026-05-20 sẽ nằm ngoài thời gian 2026-05-01 – 2026-05-15 của chỉ tiêu cấp trên\./,
    );
    expect((await tree(national.id)).periodEnd).toBe('2026-05-31');

    // Hà Nội splits its own 1–20 May; the provinces then get the whole month back, and Hà Nội's
    // units, which spanned Hà Nội's period, come along.
    const hanoi = (await tree(national.id)).children.find((c) => c.orgUnitId === hanoiUnit)!;
    expect((await call(central, 'POST', `/targets/${hanoi.id}/cascade`, { apply: true })).statusCode).toBe(
      200,
    );
    expect(periods((await tree(hanoi.id)).children)).toEqual(['2026-05-01..2026-05-20']);
    const whole = await call(central, 'POST', `/targets/${national.id}/cascade`, {
      apply: true,
      periodStart: '2026-05-01',
      periodEnd: '2026-05-31',
    });
    expect(whole.statusCode, whole.body).toBe(200);
    expect(periods((await tree(national.id)).children)).toEqual(['2026-05-01..2026-05-31']);
    expect(periods((await tree(hanoi.id)).children)).toEqual(['2026-05-01..2026-05-31']);

    // Now everything spans the national target: a later start moves the whole tree.
    const later = await call(central, 'PUT', `/campaigns/${campaignId}/targets`, {
      product: 'vsi',
      amount: 10_000,
      periodStart: '2026-05-05',
    });
    expect(later.statusCode, later.body).toBe(200);
    expect(later.json()).toMatchObject({ periodStart: '2026-05-05', periodEnd: '2026-05-31' });
    expect(periods(later.json().children)).toEqual(['2026-05-05..2026-05-31']);
    expect(periods((await tree(hanoi.id)).children)).toEqual(['2026-05-05..2026-05-31']);
  });
});

describe('new campaign dates', () => {
  it('carry the targets that spanned the campaign, and are refused when a shorter one would fall outside', async () => {
    const campaignId = await newCampaign('Tháng vận động đổi ngày');
    const national: Node = (
      await call(central, 'PUT', `/campaigns/${campaignId}/targets`, { product: 'vsi', amount: 5_000 })
    ).json();
    await call(central, 'POST', `/targets/${national.id}/cascade`, {
      apply: true,
      periodStart: '2026-05-01',
      periodEnd: '2026-05-20',
    });

    const longer = await call(central, 'PATCH', `/campaigns/${campaignId}`, { endsOn: '2026-06-15' });
    expect(longer.statusCode, longer.body).toBe(200);
    const moved = await tree(national.id);
    expect(moved).toMatchObject({ periodStart: '2026-05-01', periodEnd: '2026-06-15' });
    expect(periods(moved.children)).toEqual(['2026-05-01..2026-05-20']);

    const later = await call(central, 'PATCH', `/campaigns/${campaignId}`, { startsOn: '2026-05-05' });
    expect(later.statusCode).toBe(409);
    expect(later.json().error).toMatchObject({ code: 'campaign.target_outside_period', field: 'startsOn' });
    expect(later.json().error.message).toMatch(
      /^Chỉ tiêu BHXH tự nguyện của ".+" đặt cho 2026-05-01 – 2026-05-20 sẽ nằm ngoài thời gian mới của chiến dịch, từ 2026-05-05 đến 2026-06-15\. Hãy sửa thời gian của chỉ tiêu đó trước; không có gì được lưu\.$/,
    );
    // Nothing was saved: neither the campaign's dates nor the national target's.
    expect((await call(central, 'GET', `/campaigns/${campaignId}`)).json().startsOn).toBe('2026-05-01');
    expect(await tree(national.id)).toMatchObject({ periodStart: '2026-05-01', periodEnd: '2026-06-15' });
  });
});

describe('what counts against a target', () => {
  it('is, for the country and a province, what was registered within the target’s own period', async () => {
    const campaignId = await newCampaign('Tháng vận động, tỉnh từ ngày 12');
    const national: Node = (
      await call(central, 'PUT', `/campaigns/${campaignId}/targets`, { product: 'vsi', amount: 5_000 })
    ).json();
    await call(central, 'POST', `/targets/${national.id}/cascade`, {
      apply: true,
      periodStart: '2026-05-12',
    });
    const agent = await buildAgent(t.db, { province: '01' });
    const session = await login(app, agent.username, agent.password);
    const enrolled = await call(
      session,
      'POST',
      '/participants',
      enrollBody({ communeCode: agent.communes[0]!, startMonth: '2026-05', campaignId }),
    );
    expect(enrolled.statusCode, enrolled.body).toBe(201);

    const after = await tree(national.id);
    expect(after.actual).toBe(1);
    // Registered on 11 May, a day before Hà Nội's period began: its target has none yet, and no time gone.
    const hanoi = after.children.find((c) => c.orgUnitId === hanoiUnit)!;
    expect(hanoi).toMatchObject({ periodStart: '2026-05-12', actual: 0, elapsed: 0 });
  });
});
