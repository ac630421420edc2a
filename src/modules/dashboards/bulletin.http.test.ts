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
let hcmc: Session;
let campaignId: number;
let agent: Awaited<ReturnType<typeof buildAgent>>;

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
  app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  central = await centralOfficer(app, t.db);
  const h = await buildUser(t.db, { role: 'provincial_officer', province: '01' });
  hanoi = await login(app, h.username, h.password);
  const office = await buildOrgUnit(t.db, { kind: 'vss_grassroots', province: '01' });
  const g = await buildUser(t.db, { role: 'grassroots_officer', orgUnitId: office.id });
  grassroots = await login(app, g.username, g.password);
  const s = await buildUser(t.db, { role: 'provincial_officer', province: '79' });
  hcmc = await login(app, s.username, s.password);
  await t.db.deleteFrom('denominator').execute();
  await t.db
    .insertInto('denominator')
    .values([
      denominatorRow('01', '2024-12-31', 3_950_000, 1_450_000, 250_000),
      denominatorRow('79', '2024-12-31', 3_950_000, 2_450_000, 150_000),
      denominatorRow('01', '2025-12-31', 4_000_000, 1_500_000, 300_000),
      denominatorRow('79', '2025-12-31', 4_000_000, 2_500_000, 200_000),
    ])
    .execute();

  campaignId = (
    await call(central, 'POST', '/campaigns', {
      name: 'Tháng vận động triển khai BHXH toàn dân 2026',
      theme: 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình',
      startsOn: '2026-05-01',
      endsOn: '2026-05-31',
      products: ['vsi', 'hhi'],
      organisers: ['BHXH Việt Nam'],
    })
  ).json().id;
  await call(central, 'PUT', `/campaigns/${campaignId}/targets`, { product: 'vsi', amount: 10_000 });
  agent = await buildAgent(t.db, { province: '01' });
  const session = await login(app, agent.username, agent.password);
  const enrolled = await call(
    session,
    'POST',
    '/participants',
    enrollBody({ communeCode: agent.communes[0]!, startMonth: '2026-05', campaignId, categories: ['other'] }),
  );
  const quote = await call(session, 'POST', `/participants/${enrolled.json().id}/payment-quote`, {
    mode: 'monthly',
  });
  const paid = await call(session, 'POST', `/participants/${enrolled.json().id}/payments`, {
    mode: 'monthly',
    method: 'cash',
    amount: quote.json().quote.total,
  });
  expect(paid.statusCode, paid.body).toBe(201);
});
afterAll(() => app.close());

describe('the bulletin', () => {
  it('writes the national paragraph from the denominators, the coverage roll-up and the campaign', async () => {
    const response = await call(central, 'GET', '/bulletin?asOf=2026-05-31');
    expect(response.statusCode, response.body).toBe(200);
    const { text, figures } = response.json();
    // 4,000,000 compulsory + 500,000 voluntary recorded outside + the 1 enrolled here.
    expect(figures).toMatchObject({ labourForce: 8_000_000, compulsory: 4_000_000, voluntary: 500_001 });
    expect(text).toContain(
      'Tính đến ngày 31/05/2026, cả nước đã có hơn 4,5 triệu người tham gia bảo hiểm xã hội, đạt 56,25% lực lượng lao động trong độ tuổi, tăng 4,65% so với cùng kỳ năm 2025.',
    );
    expect(text).toContain(
      'Trong đó, số người tham gia bảo hiểm xã hội tự nguyện đạt hơn 500 nghìn người, tăng 25%.',
    );
    // On its last day the campaign is still under way; the next day it has ended.
    expect(text).toContain(
      'Trong Tháng vận động triển khai BHXH toàn dân 2026 (từ 01/05/2026 đến 31/05/2026), toàn quốc đã vận động được 1 người tham gia bảo hiểm xã hội tự nguyện, đạt 0,01% chỉ tiêu 10.000 người.',
    );
    const after = (await call(central, 'GET', '/bulletin?asOf=2026-06-01')).json().text;
    expect(after).toContain(
      'Kết thúc Tháng vận động triển khai BHXH toàn dân 2026 (từ 01/05/2026 đến 31/05/2026)',
    );
  });

  it('writes a province’s own paragraph for its officer, and before any campaign says nothing of one', async () => {
    const own = (await call(hanoi, 'GET', '/bulletin?asOf=2026-03-31')).json();
    expect(own.scope).toBe('01');
    expect(own.text).toMatch(
      /^Tính đến hết quý I\/2026, Thành phố Hà Nội đã có 1,8 triệu người tham gia bảo hiểm xã hội, đạt 45% lực lượng lao động/,
    );
    expect(own.text).not.toContain('vận động được');
    const other = await call(hanoi, 'GET', '/bulletin?scope=79');
    expect(other.statusCode).toBe(403);
  });

  it('speaks of the campaign asked for, and says so when there is none', async () => {
    const older = (
      await call(central, 'POST', '/campaigns', {
        name: 'Chiến dịch mùa xuân',
        theme: 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình',
        startsOn: '2026-02-01',
        endsOn: '2026-02-28',
        products: ['vsi'],
        organisers: ['BHXH Việt Nam'],
      })
    ).json();
    const text = (await call(central, 'GET', `/bulletin?asOf=2026-05-31&campaignId=${older.id}`)).json().text;
    expect(text).toContain(
      'Kết thúc Chiến dịch mùa xuân (từ 01/02/2026 đến 28/02/2026), toàn quốc đã vận động được 0 người',
    );
    const missing = await call(central, 'GET', '/bulletin?campaignId=999999');
    expect(missing.statusCode).toBe(404);
  });
});

describe('the bulletin’s day and scope', () => {
  it('is written as of any day asked for, with the figures it was written from', async () => {
    const body = (await call(central, 'GET', '/bulletin?asOf=2025-12-31&scope=79')).json();
    expect(body).toMatchObject({ asOf: '2025-12-31', lastYearAsOf: '2024-12-31', scope: '79' });
    // The denominators of 31 December 2025; the campaign had not begun.
    expect(body.figures).toMatchObject({ labourForce: 4_000_000, compulsory: 2_500_000, voluntary: 200_000 });
    expect(body.coverage.participants).toBe(2_700_000);
    expect(body.coverage.growth.participants).toBeCloseTo(2_700_000 / 2_600_000 - 1, 12);
    expect(body.text).toMatch(/^Tính đến hết quý IV\/2025, Thành phố Hồ Chí Minh đã có 2,7 triệu người/);
    expect(body.text).not.toContain('vận động được');
  });

  it('follows the dashboards’ scope: a province only to those who serve all of it', async () => {
    const national = await call(grassroots, 'GET', '/bulletin');
    expect(national.statusCode).toBe(403);
    expect(national.json().error).toMatchObject({ code: 'dashboard.scope_outside' });
    expect(national.json().error.message).toMatch(/^Số liệu toàn quốc nằm ngoài địa bàn của bạn/);
    const province = await call(grassroots, 'GET', '/bulletin?scope=01');
    expect(province.statusCode).toBe(403);
    expect(province.json().error.message).toMatch(/^Thành phố Hà Nội nằm ngoài/);
    const unknown = await call(central, 'GET', '/bulletin?scope=99');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('Không tìm thấy tỉnh, thành phố mã 99.');
  });
});

describe('the bulletin of a unit below the province', () => {
  let officeTarget: number;
  beforeAll(async () => {
    // The agent's post office has a target of its own: 40 VSI participants.
    const national = (await call(central, 'GET', `/campaigns/${campaignId}/targets?product=vsi`)).json();
    const row = await t.db
      .insertInto('target')
      .values({
        campaign_id: campaignId,
        product: 'vsi',
        org_unit_id: agent.office.id,
        parent_id: national.id,
        period_start: '2026-05-01',
        period_end: '2026-05-31',
        amount: 40,
        overridden: true,
        set_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    officeTarget = Number(row.id);
  });

  it('gives its province’s coverage and what the unit collected against its own target, by id or by code', async () => {
    const byId = await call(hanoi, 'GET', `/bulletin?asOf=2026-05-20&unit=${agent.office.id}`);
    expect(byId.statusCode, byId.body).toBe(200);
    const body = byId.json();
    expect(body).toMatchObject({ scope: '01', unit: { id: agent.office.id, name: agent.office.name } });
    expect(body.figures).toMatchObject({ scopeName: 'Thành phố Hà Nội', unitName: agent.office.name });
    expect(body.figures.campaign).toMatchObject({ vsi: 1, hhi: 0, target: 40, hhiTarget: null });
    expect(body.text).toMatch(
      /^Tính đến ngày 20\/05\/2026, Thành phố Hà Nội đã có hơn 1,8 triệu người tham gia bảo hiểm xã hội/,
    );
    expect(body.text).toContain(
      `Trong Tháng vận động triển khai BHXH toàn dân 2026 (từ 01/05/2026 đến 31/05/2026), ${agent.office.name} đã vận động được 1 người tham gia bảo hiểm xã hội tự nguyện, đạt 2,5% chỉ tiêu 40 người.`,
    );
    const byCode = (await call(hanoi, 'GET', `/bulletin?asOf=2026-05-20&scope=${agent.office.code}`)).json();
    expect(byCode.text).toBe(body.text);
    // A provincial office stands for its province; the central office for the country.
    const vss = (await call(hanoi, 'GET', '/bulletin?asOf=2026-05-20&scope=BHXH-01')).json();
    expect(vss).toMatchObject({ scope: '01', unit: null });
    expect(vss.text).toContain('Thành phố Hà Nội đã vận động được 1 người');
    expect((await call(central, 'GET', '/bulletin?scope=BHXH-VN')).json().scope).toBeNull();
  });

  it('is refused outside the caller’s region, and for a unit that does not exist', async () => {
    const other = await call(hcmc, 'GET', `/bulletin?unit=${agent.office.id}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toBe(
      `${agent.office.name} nằm ngoài địa bàn của bạn; bảng điều hành chỉ hiện số liệu trong địa bàn bạn phụ trách.`,
    );
    // A grassroots officer opens their own office, not the post office beside it.
    expect((await call(grassroots, 'GET', `/bulletin?unit=${agent.office.id}`)).statusCode).toBe(403);
    const national = await call(hanoi, 'GET', '/bulletin?scope=BHXH-VN');
    expect(national.statusCode).toBe(403);
    const unknown = await call(central, 'GET', '/bulletin?scope=KHONG-CO');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('Không tìm thấy đơn vị KHONG-CO.');
    expect((await call(central, 'GET', '/bulletin?unit=999999')).json().error).toMatchObject({
      code: 'dashboard.not_found',
      field: 'unit',
      message: 'Không tìm thấy đơn vị mã 999999.',
    });
    const both = await call(central, 'GET', `/bulletin?scope=01&unit=${agent.office.id}`);
    expect(both.json().error.code).toBe('dashboard.one_level');
    expect(officeTarget).toBeGreaterThan(0);
  });
});

describe('the bulletin’s targets', () => {
  it('at a province, counts the targets set on the former provinces that merged into it', async () => {
    const before = (await call(hanoi, 'GET', '/bulletin?asOf=2026-05-31&scope=01')).json();
    expect(before.figures.campaign.target).toBeNull();
    const set = await call(central, 'PUT', `/campaigns/${campaignId}/legacy-targets`, {
      product: 'vsi',
      level: 'province',
      items: [{ code: '01', amount: 5_000 }],
    });
    expect(set.statusCode, set.body).toBe(200);
    const after = (await call(hanoi, 'GET', '/bulletin?asOf=2026-05-31&scope=01')).json();
    expect(after.figures.campaign).toMatchObject({ vsi: 1, target: 5_000 });
    expect(after.text).toContain(
      'Thành phố Hà Nội đã vận động được 1 người tham gia bảo hiểm xã hội tự nguyện, đạt 0,02% chỉ tiêu 5.000 người.',
    );
  });

  it('reports the household HI target beside the VSI one', async () => {
    const set = await call(central, 'PUT', `/campaigns/${campaignId}/targets`, {
      product: 'hhi',
      amount: 20_000,
    });
    expect(set.statusCode, set.body).toBe(200);
    const body = (await call(central, 'GET', '/bulletin?asOf=2026-06-01')).json();
    expect(body.figures.campaign).toMatchObject({ target: 10_000, hhiTarget: 20_000 });
    expect(body.text).toContain(
      'toàn quốc đã vận động được 1 người tham gia bảo hiểm xã hội tự nguyện, đạt 0,01% chỉ tiêu 10.000 người; và 0 người tham gia bảo hiểm y tế hộ gia đình, đạt 0% chỉ tiêu 20.000 người.',
    );
  });
});
