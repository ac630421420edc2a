import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildUser, enrollBody, provincialUnit } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-05-08T07:30:00+07:00');
let app: App;
let central: Session;
let hanoi: Session;
let hcmc: Session;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let agentSession: Session;
let centralUnitId: number;
let hanoiUnitId: number;

const theme = 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình';
const campaignBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Tháng vận động triển khai BHXH toàn dân 2026',
  theme,
  startsOn: '2026-05-01',
  endsOn: '2026-05-31',
  products: ['vsi', 'hhi'],
  organisers: ['Bảo hiểm xã hội Việt Nam', 'Tổng công ty Bưu điện Việt Nam'],
  legalBasis: 'Kế hoạch phối hợp số 1234/KH-BHXH-BĐVN',
  launchAt: '2026-05-08T08:00:00+07:00',
  ...overrides,
});

const call = (
  s: Session,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: Record<string, unknown>,
) => app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  centralUnitId = (
    await t.db.selectFrom('org_unit').select('id').where('code', '=', 'BHXH-VN').executeTakeFirstOrThrow()
  ).id;
  hanoiUnitId = (await provincialUnit(t.db, '01')).id;
  const c = await buildUser(t.db, { role: 'central_officer', orgUnitId: centralUnitId });
  central = await login(app, c.username, c.password);
  const h = await buildUser(t.db, { role: 'provincial_officer', province: '01' });
  hanoi = await login(app, h.username, h.password);
  const s = await buildUser(t.db, { role: 'provincial_officer', province: '79' });
  hcmc = await login(app, s.username, s.password);
  agent = await buildAgent(t.db, { province: '01' });
  agentSession = await login(app, agent.username, agent.password);
});
afterAll(() => app.close());

describe('the campaign record', () => {
  it('is created by the central office with its theme, period, products, organisers and legal basis', async () => {
    const response = await call(central, 'POST', '/campaigns', campaignBody());
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      theme,
      products: ['vsi', 'hhi'],
      legalBasis: 'Kế hoạch phối hợp số 1234/KH-BHXH-BĐVN',
      launchAt: '2026-05-08T01:00:00.000Z',
    });
    const list = await call(hanoi, 'GET', '/campaigns?status=ongoing');
    expect(list.json().items.map((c: { id: number }) => c.id)).toContain(response.json().id);
    expect(list.json().items[0].status).toBe('ongoing');
  });

  it('refuses an inverted period and a launch outside it, in Vietnamese, and stores nothing', async () => {
    const before = (await call(central, 'GET', '/campaigns')).json().total;
    const inverted = await call(central, 'POST', '/campaigns', campaignBody({ endsOn: '2026-04-30' }));
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().error).toMatchObject({ code: 'campaign.invalid_period', field: 'endsOn' });
    expect(inverted.json().error.message).toContain('Ngày kết thúc');
    const launch = await call(
      central,
      'POST',
      '/campaigns',
      campaignBody({ launchAt: '2026-06-02T08:00:00+07:00' }),
    );
    expect(launch.json().error.code).toBe('campaign.launch_outside_period');
    expect((await call(central, 'GET', '/campaigns')).json().total).toBe(before);
  });

  it('is the central office’s alone to create or edit', async () => {
    const response = await call(hanoi, 'POST', '/campaigns', campaignBody());
    expect(response.statusCode).toBe(403);
    const created = (await call(central, 'POST', '/campaigns', campaignBody())).json();
    const edited = await call(central, 'PATCH', `/campaigns/${created.id}`, { endsOn: '2026-06-15' });
    expect(edited.json()).toMatchObject({ endsOn: '2026-06-15', startsOn: '2026-05-01' });
    expect(
      (await call(hanoi, 'PATCH', `/campaigns/${created.id}`, { endsOn: '2026-06-20' })).statusCode,
    ).toBe(403);
  });
});

describe('the launch ceremony', () => {
  let campaignId: number;
  let centralBridge: number;
  beforeAll(async () => {
    campaignId = (await call(central, 'POST', '/campaigns', campaignBody())).json().id;
  });

  it('has one central bridge point, and every other point hangs under a higher one', async () => {
    const first = await call(central, 'POST', `/campaigns/${campaignId}/bridges`, {
      level: 'central',
      orgUnitId: centralUnitId,
      name: 'Điểm cầu Trung ương – Hà Nội',
      form: 'in_person',
      streamUrl: 'https://truyenhinh.example.vn/ra-quan',
      plannedAttendance: 300,
    });
    expect(first.statusCode, first.body).toBe(201);
    centralBridge = first.json().id;
    const second = await call(central, 'POST', `/campaigns/${campaignId}/bridges`, {
      level: 'central',
      orgUnitId: centralUnitId,
      name: 'Điểm cầu thứ hai',
      form: 'online',
    });
    expect(second.statusCode).toBe(409);
    const orphan = await call(hanoi, 'POST', `/campaigns/${campaignId}/bridges`, {
      level: 'provincial',
      orgUnitId: hanoiUnitId,
      name: 'Điểm cầu Hà Nội',
      form: 'rebroadcast',
    });
    expect(orphan.json().error).toMatchObject({ code: 'campaign.bridge_needs_parent', field: 'parentId' });
  });

  it('lets a province add its own points, never another province’s', async () => {
    const own = await call(hanoi, 'POST', `/campaigns/${campaignId}/bridges`, {
      parentId: centralBridge,
      level: 'provincial',
      orgUnitId: hanoiUnitId,
      name: 'Điểm cầu Hà Nội',
      form: 'rebroadcast',
    });
    expect(own.statusCode, own.body).toBe(201);
    const other = await call(hcmc, 'POST', `/campaigns/${campaignId}/bridges`, {
      parentId: centralBridge,
      level: 'provincial',
      orgUnitId: hanoiUnitId,
      name: 'Điểm cầu lạ',
      form: 'online',
    });
    // Another province's unit is not even visible to them.
    expect(other.statusCode).toBe(404);
    expect(other.json().error).toMatchObject({ code: 'org.not_found', field: 'orgUnitId' });
  });

  it('goes live site by site, with attendance, and counts registrations since the ceremony began', async () => {
    const office = await call(central, 'POST', `/campaigns/${campaignId}/bridges`, {
      parentId: centralBridge,
      level: 'post_office',
      orgUnitId: agent.office.id,
      name: `Điểm cầu ${agent.office.name}`,
      form: 'in_person',
    });
    expect(office.statusCode, office.body).toBe(201);

    // Registered at 7:30, before the ceremony began at 8:00: not the ceremony's.
    await call(
      agentSession,
      'POST',
      '/participants',
      enrollBody({ communeCode: agent.communes[0]!, startMonth: '2026-05' }),
    );
    clock.set('2026-05-08T08:20:00+07:00');
    const checkIn = await call(central, 'POST', `/bridges/${centralBridge}/check-in`, {
      live: true,
      attendance: 280,
    });
    expect(checkIn.statusCode).toBe(204);
    for (let i = 0; i < 2; i++) {
      const r = await call(
        agentSession,
        'POST',
        '/participants',
        enrollBody({ communeCode: agent.communes[0]!, startMonth: '2026-05' }),
      );
      expect(r.statusCode, r.body).toBe(201);
    }

    const wall = (await call(central, 'GET', `/campaigns/${campaignId}/launch`)).json();
    expect(wall).toMatchObject({
      started: true,
      live: 1,
      attendance: 280,
      registrations: 2,
      byProduct: { vsi: 2, hhi: 0 },
    });
    const byId = new Map(wall.items.map((b: { id: number }) => [b.id, b]));
    expect(byId.get(centralBridge)).toMatchObject({ liveAt: '2026-05-08T01:20:00.000Z', attendance: 280 });
    expect(byId.get(office.json().id)).toMatchObject({ registrations: 2, liveAt: null });
    // Hà Nội's provincial point counts the province, whichever network registered the people.
    const hanoiPoint = wall.items.find((b: { level: string }) => b.level === 'provincial');
    expect(hanoiPoint).toMatchObject({ registrations: 2 });
    expect((byId.get(centralBridge) as { checklist: unknown[] }).checklist).toHaveLength(2);

    // An attendance left empty stays empty, not 0.
    await call(central, 'POST', `/bridges/${office.json().id}/check-in`, { live: true, attendance: null });
    const empty = (await call(central, 'GET', `/campaigns/${campaignId}/launch`)).json();
    expect(empty.items.find((b: { id: number }) => b.id === office.json().id).attendance).toBeNull();
    await call(central, 'POST', `/bridges/${office.json().id}/check-in`, { live: false });

    // A mistaken check-in is taken back.
    await call(central, 'POST', `/bridges/${centralBridge}/check-in`, { live: false });
    const after = (await call(central, 'GET', `/campaigns/${campaignId}/launch`)).json();
    expect(after).toMatchObject({ live: 0, attendance: 0 });
  });

  it('counts the days after the launch day from the roll-ups, still leaving out the morning before the ceremony', async () => {
    clock.set('2026-05-09T10:00:00+07:00');
    try {
      // A new day, new sign-ins.
      const a = await login(app, agent.username, agent.password);
      const c = await buildUser(t.db, { role: 'central_officer', orgUnitId: centralUnitId });
      const nextDay = await login(app, c.username, c.password);
      const r = await call(
        a,
        'POST',
        '/participants',
        enrollBody({ communeCode: agent.communes[0]!, startMonth: '2026-05' }),
      );
      expect(r.statusCode, r.body).toBe(201);
      const wall = async () => (await call(nextDay, 'GET', `/campaigns/${campaignId}/launch`)).json();
      for (let i = 0; i < 2; i++) {
        // The launch day is over: it and what came before the ceremony are counted once, then remembered.
        const answer = await wall();
        expect(answer.registrations).toBe(3);
        expect(answer.items.find((b: { level: string }) => b.level === 'post_office').registrations).toBe(3);
      }
      // A registration recorded late, dated 7:45 on the launch day, changes that day's roll-up: what
      // was remembered is counted again, and the ceremony's figure does not move.
      clock.set('2026-05-08T07:45:00+07:00');
      const late = await call(
        a,
        'POST',
        '/participants',
        enrollBody({ communeCode: agent.communes[0]!, startMonth: '2026-05' }),
      );
      expect(late.statusCode, late.body).toBe(201);
      clock.set('2026-05-09T10:05:00+07:00');
      const after = await wall();
      expect(after.registrations).toBe(3);
      expect(after.items.find((b: { level: string }) => b.level === 'post_office').registrations).toBe(3);
    } finally {
      clock.set('2026-05-08T08:20:00+07:00');
    }
  });

  it('gives each viewer the totals of their own region, with the central point for context', async () => {
    // Hà Nội's officer follows the post office's point too: it lies in the province they serve.
    const own = (await call(hanoi, 'GET', `/campaigns/${campaignId}/launch`)).json();
    expect(own.items.map((b: { level: string }) => b.level).sort()).toEqual([
      'central',
      'post_office',
      'provincial',
    ]);
    expect(own).toMatchObject({ sites: 2, live: 0, attendance: 0, registrations: 2 });
    expect(own.items.find((b: { level: string }) => b.level === 'central').registrations).toBe(2);
    // Ho Chi Minh City has no site of its own and nobody registered there: the country's figures are not theirs.
    await call(central, 'POST', `/bridges/${centralBridge}/check-in`, { live: true, attendance: 300 });
    const other = (await call(hcmc, 'GET', `/campaigns/${campaignId}/launch`)).json();
    expect(other).toMatchObject({ sites: 0, live: 0, attendance: 0, registrations: 0 });
    expect(other.items).toHaveLength(1);
    expect(other.items[0]).toMatchObject({ level: 'central', registrations: 0, attendance: 300 });
    const national = (await call(central, 'GET', `/campaigns/${campaignId}/launch`)).json();
    expect(national).toMatchObject({ sites: 3, live: 1, attendance: 300, registrations: 2 });
    await call(central, 'POST', `/bridges/${centralBridge}/check-in`, { live: false });
  });

  it('removes a point only once nothing hangs under it', async () => {
    const response = await call(central, 'DELETE', `/bridges/${centralBridge}`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('cấp dưới');
  });
});

describe('activities and their checklists', () => {
  let campaignId: number;
  let convoyId: number;
  beforeAll(async () => {
    campaignId = (await call(central, 'POST', '/campaigns', campaignBody())).json().id;
  });

  it('logs a convoy with its cars, motorbikes, route and communes, and counts it in the KPIs', async () => {
    const communes = (
      await t.db.selectFrom('commune').select('code').where('province_code', '=', '01').limit(3).execute()
    ).map((c) => c.code);
    const convoy = await call(hanoi, 'POST', `/campaigns/${campaignId}/activities`, {
      orgUnitId: hanoiUnitId,
      kind: 'convoy',
      onDate: '2026-05-08',
      title: 'Đoàn xe diễu hành tuyên truyền',
      cars: 12,
      motorbikes: 150,
      route: 'Quảng trường Đông Kinh Nghĩa Thục – các xã ngoại thành',
      communes,
    });
    expect(convoy.statusCode, convoy.body).toBe(201);
    convoyId = convoy.json().id;
    await call(hanoi, 'POST', `/campaigns/${campaignId}/activities`, {
      orgUnitId: hanoiUnitId,
      kind: 'door_to_door',
      onDate: '2026-05-09',
      title: 'Tổ tuyên truyền đến từng hộ',
      peopleReached: 420,
      communes: communes.slice(0, 1),
    });
    const kpis = (await call(central, 'GET', `/campaigns/${campaignId}/kpis`)).json();
    expect(kpis, JSON.stringify(kpis)).toMatchObject({
      activities: 2,
      convoys: 1,
      cars: 12,
      motorbikes: 150,
      communesReached: 3,
      doorToDoorGroups: 1,
      peopleReached: 420,
    });
    // Ho Chi Minh City sees none of Hanoi's.
    expect((await call(hcmc, 'GET', `/campaigns/${campaignId}/kpis`)).json()).toMatchObject({
      activities: 0,
    });
    expect((await call(hcmc, 'GET', `/campaigns/${campaignId}/activities`)).json().total).toBe(0);
  });

  it('counts an entry standing for several broadcasts or groups as that many, and answers only its schema’s fields', async () => {
    const loud = await call(hanoi, 'POST', `/campaigns/${campaignId}/activities`, {
      orgUnitId: hanoiUnitId,
      kind: 'loudspeaker',
      onDate: '2026-05-10',
      title: 'Phát thanh trên loa truyền thanh các xã trong tuần',
      quantity: 45,
    });
    expect(loud.statusCode, loud.body).toBe(201);
    await call(hanoi, 'POST', `/campaigns/${campaignId}/activities`, {
      orgUnitId: hanoiUnitId,
      kind: 'door_to_door',
      onDate: '2026-05-10',
      title: 'Mười hai tổ tuyên truyền',
      quantity: 12,
      peopleReached: 2_300,
    });
    const kpis = await call(central, 'GET', `/campaigns/${campaignId}/kpis`);
    expect(kpis.json()).toEqual({
      activities: 4,
      convoys: 1,
      cars: 12,
      motorbikes: 150,
      communesReached: 3,
      conferences: 0,
      conferenceAttendees: 0,
      doorToDoorGroups: 13,
      peopleReached: 2_720,
      loudspeakerBroadcasts: 45,
      articles: 0,
      printedItems: 0,
      localLaunches: 0,
    });
    const list = (await call(hanoi, 'GET', `/campaigns/${campaignId}/activities?kind=loudspeaker`)).json();
    expect(list.total).toBe(1);
    expect(Object.keys(list.items[0]).sort()).toEqual(
      [
        'attendees',
        'cars',
        'checks',
        'communes',
        'confirmed',
        'id',
        'items',
        'kind',
        'motorbikes',
        'note',
        'onDate',
        'orgUnitId',
        'orgUnitName',
        'peopleReached',
        'provinceCode',
        'quantity',
        'route',
        'title',
      ].sort(),
    );
    expect(list.items[0]).toMatchObject({ quantity: 45, checks: 1, confirmed: 0 });
    const zero = await call(hanoi, 'POST', `/campaigns/${campaignId}/activities`, {
      orgUnitId: hanoiUnitId,
      kind: 'article',
      onDate: '2026-05-10',
      title: 'Bài viết',
      quantity: 0,
    });
    expect(zero.statusCode).toBe(400);
  });

  it('refuses a date outside the campaign and an unknown commune', async () => {
    const late = await call(hanoi, 'POST', `/campaigns/${campaignId}/activities`, {
      orgUnitId: hanoiUnitId,
      kind: 'conference',
      onDate: '2026-07-01',
      title: 'Hội nghị',
    });
    expect(late.json().error).toMatchObject({ code: 'campaign.activity_outside_period', field: 'onDate' });
    const unknown = await call(hanoi, 'POST', `/campaigns/${campaignId}/activities`, {
      orgUnitId: hanoiUnitId,
      kind: 'loudspeaker',
      onDate: '2026-05-10',
      title: 'Loa truyền thanh',
      communes: ['99999'],
    });
    expect(unknown.json().error).toMatchObject({ code: 'campaign.unknown_commune', field: 'communes' });
  });

  it('carries a traffic-safety and health checklist that officers confirm, with who and when', async () => {
    const list = (await call(hanoi, 'GET', `/activities/${convoyId}/checklist`)).json();
    expect(list.map((c: { label: string }) => c.label)).toEqual([
      'Phương án bảo đảm an toàn giao thông',
      'Lộ trình đã thống nhất với chính quyền địa phương',
      'Tuân thủ quy định về y tế tại nơi tổ chức',
    ]);
    const confirm = await call(hanoi, 'PUT', `/checklist/${list[0].id}`, {
      confirmed: true,
      note: 'CSGT dẫn đoàn',
    });
    expect(confirm.statusCode).toBe(204);
    const after = (await call(hanoi, 'GET', `/activities/${convoyId}/checklist`)).json();
    expect(after[0]).toMatchObject({ confirmedBy: 'Nguyễn Văn Thử', note: 'CSGT dẫn đoàn' });
    expect(after[0].confirmedAt).toBe('2026-05-08T01:20:00.000Z');
    expect((await call(hcmc, 'PUT', `/checklist/${list[0].id}`, { confirmed: false })).statusCode).toBe(404);
    const activities = (await call(hanoi, 'GET', `/campaigns/${campaignId}/activities?kind=convoy`)).json();
    expect(activities.items[0]).toMatchObject({ checks: 3, confirmed: 1 });
    const added = await call(hanoi, 'POST', '/checklist', {
      activityId: convoyId,
      label: 'Có xe cứu thương đi kèm',
    });
    expect(added.statusCode).toBe(201);
  });

  it('deletes a mistaken activity', async () => {
    expect((await call(hcmc, 'DELETE', `/activities/${convoyId}`)).statusCode).toBe(404);
    expect((await call(hanoi, 'DELETE', `/activities/${convoyId}`)).statusCode).toBe(204);
    expect((await call(central, 'GET', `/campaigns/${campaignId}/kpis`)).json()).toMatchObject({
      convoys: 0,
    });
  });
});
