import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildUser, enrollBody } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import { leadsHttp } from '../../../test/leads.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
// A campaign of March 2025, so its first payments have their first anniversary in these tests.
const clock = fixedClock('2025-03-10T09:00:00+07:00');
let app: App;
let http: ReturnType<typeof leadsHttp>;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let colleague: { id: number; username: string; password: string };
let agentSession: Session;
let manager: { username: string; password: string };
let managerSession: Session;
let hcmc: Session;
let campaignId: number;
const people: Record<'lead' | 'walkIn', number> = { lead: 0, walkIn: 0 };

/** stat_funnel as sorted rows without empty ones: what the triggers keep and a rebuild computes. */
async function funnelRows() {
  const rows = await sql<Record<string, number>>`select * from stat_funnel order by 1, 2, 3, 4`.execute(t.db);
  return rows.rows.filter((r) =>
    ['contacted', 'consulted', 'enrolled', 'first_paid', 'retained_12m'].some((k) => r[k] !== 0),
  );
}

const funnel = async (s: Session, query = '') => {
  const response = await http.call(s, 'GET', `/campaigns/${campaignId}/funnel${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  http = leadsHttp(app);
  const centralUnit = await t.db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', 'BHXH-VN')
    .executeTakeFirstOrThrow();
  const c = await buildUser(t.db, { role: 'central_officer', orgUnitId: centralUnit.id });
  campaignId = await http.campaign(await login(app, c.username, c.password), {
    startsOn: '2025-03-01',
    endsOn: '2025-03-31',
  });
  agent = await buildAgent(t.db, { province: '40' });
  agentSession = await login(app, agent.username, agent.password);
  colleague = await buildUser(t.db, { role: 'collection_agent', orgUnitId: agent.point.id });
  manager = await buildUser(t.db, { role: 'post_office_manager', orgUnitId: agent.office.id });
  managerSession = await login(app, manager.username, manager.password);
  const h = await buildUser(t.db, { role: 'provincial_officer', province: '79' });
  hcmc = await login(app, h.username, h.password);
});
afterAll(() => app.close());

describe('the campaign funnel', () => {
  it('401 without a login, 400 for an unknown breakdown, 404 for an unknown campaign', async () => {
    expect((await http.call(null, 'GET', `/campaigns/${campaignId}/funnel`)).statusCode).toBe(401);
    const bad = await http.call(agentSession, 'GET', `/campaigns/${campaignId}/funnel?by=province`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('request.invalid');
    expect(bad.json().error.fields[0].field).toBe('by');
    expect(bad.json().error.message).toBe(
      'Dữ liệu gửi lên không hợp lệ: "by" phải là một trong: total, unit, agent, channel.',
    );
    const unknown = await http.call(agentSession, 'GET', '/campaigns/9999/funnel');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('campaign.not_found');
  });

  it('counts capture → contact → consult → enroll → pay, by channel, agent and unit', async () => {
    const capture = async (phone: string | null, fullName: string) => {
      const r = await http.call(agentSession, 'POST', '/leads', {
        campaignId,
        source: 'door_to_door',
        fullName,
        phone,
        communeCode: agent.communes[0],
        consent: phone !== null,
        purpose: 'vsi_enroll',
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as number;
    };
    const a = await capture('0988000001', 'Đinh Văn An');
    const b = await capture('0988000002', 'Đinh Thị Bình');
    await capture(null, 'Người chưa liên hệ');
    expect((await funnel(agentSession)).overall).toMatchObject({ contacted: 0, consulted: 0, enrolled: 0 });

    await http.call(agentSession, 'POST', `/leads/${a}/follow-up`, { step: 'contacted' });
    await http.call(agentSession, 'POST', `/leads/${a}/follow-up`, {
      step: 'consulted',
      note: 'Mức 1,5 triệu',
    });
    await http.call(agentSession, 'POST', `/leads/${b}/follow-up`, { step: 'contacted' });
    expect((await funnel(agentSession)).overall).toMatchObject({ contacted: 2, consulted: 1 });

    // The lead enrolls (found by phone); someone walks in and enrolls too. Both pay a year.
    const enroll = async (phone: string, channel?: string) => {
      const r = await http.call(agentSession, 'POST', '/participants', {
        ...enrollBody({
          communeCode: agent.communes[0]!,
          phone,
          startMonth: '2025-03',
          categories: ['other'],
        }),
        paymentMode: 'annual',
        campaignId,
        ...(channel ? { channel } : {}),
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as number;
    };
    people.lead = await enroll('0988000001', 'door_to_door');
    people.walkIn = await enroll('0988000099');
    expect((await http.call(agentSession, 'GET', `/leads/${a}`)).json().status).toBe('enrolled');
    await http.pay(agentSession, people.lead, 'annual');
    await http.pay(agentSession, people.walkIn, 'annual');
    expect((await http.call(agentSession, 'GET', `/leads/${a}`)).json().status).toBe('paid');

    const total = await funnel(managerSession);
    expect(total.overall).toEqual({
      contacted: 2,
      consulted: 1,
      enrolled: 2,
      firstPaid: 2,
      retained12m: 0,
      // The walk-in enrolled without being consulted: the share stops at 100%.
      rates: { consulted: 0.5, enrolled: 1, firstPaid: 1, retained12m: 0 },
    });
    const byChannel = await funnel(managerSession, '?by=channel');
    expect(byChannel.total).toBe(2);
    expect(byChannel.items).toEqual([
      expect.objectContaining({ key: 'door_to_door', contacted: 2, consulted: 1, enrolled: 1, firstPaid: 1 }),
      expect.objectContaining({ key: 'post_office', contacted: 0, enrolled: 1, firstPaid: 1 }),
    ]);
    const byAgent = await funnel(managerSession, '?by=agent');
    expect(byAgent.items).toEqual([
      expect.objectContaining({ key: String(agent.id), label: 'Nguyễn Văn Thử', enrolled: 2, contacted: 2 }),
    ]);
    const byUnit = await funnel(managerSession, '?by=unit');
    expect(byUnit.items).toEqual([
      expect.objectContaining({
        key: String(agent.point.id),
        orgUnitName: agent.point.name,
        provinceCode: '40',
      }),
    ]);
    // Another province sees none of it.
    expect((await funnel(hcmc, '?by=unit')).overall).toMatchObject({
      contacted: 0,
      enrolled: 0,
      firstPaid: 0,
    });
    expect((await funnel(hcmc, '?by=unit')).items).toEqual([]);
  });

  it('moves a lead’s counts with its agent and takes them back when it is erased, as a rebuild would', async () => {
    const r = await http.call(managerSession, 'POST', '/leads', {
      campaignId,
      source: 'manual',
      fullName: 'Hà Văn Chuyển',
      phone: '0988000003',
      communeCode: agent.communes[0],
      consent: true,
      purpose: 'vsi_enroll',
      assignedTo: agent.id,
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id;
    await http.call(managerSession, 'POST', `/leads/${id}/follow-up`, { step: 'consulted' });
    await http.call(managerSession, 'POST', '/leads/assign', { leadIds: [id], agentUserId: colleague.id });
    const byAgent = await funnel(managerSession, '?by=agent');
    expect(byAgent.items.find((i: { key: string }) => i.key === String(colleague.id))).toMatchObject({
      contacted: 1,
      consulted: 1,
    });
    const live = await funnelRows();
    await sql`select stats_rebuild_all()`.execute(t.db);
    expect(await funnelRows()).toEqual(live);

    expect((await http.call(managerSession, 'DELETE', `/leads/${id}`)).statusCode).toBe(204);
    expect((await funnel(managerSession)).overall).toMatchObject({ contacted: 2, consulted: 1 });
  });
});

describe('still paying after 12 months', () => {
  it('is judged once per enrollment a month after the first anniversary, by the daily job, and equals a rebuild', async () => {
    // March 2026: the lead renews the year; the walk-in does not.
    clock.set('2026-03-05T09:00:00+07:00');
    agentSession = await login(app, agent.username, agent.password);
    await http.pay(agentSession, people.lead, 'annual');

    clock.set('2026-04-11T06:00:00+07:00');
    const jobs = app.services.leadJobs;
    const first = await jobs.retention('2026-04-11');
    expect(first).toMatchObject({ evaluated: 2, retained: 1, alreadyDone: false });
    expect(await jobs.retention('2026-04-11')).toMatchObject({ alreadyDone: true });
    managerSession = await login(app, manager.username, manager.password);
    const overall = (await funnel(managerSession)).overall;
    expect(overall).toMatchObject({ firstPaid: 2, retained12m: 1 });
    expect(overall.rates.retained12m).toBe(0.5);

    // The next day's run (through the daily job) finds them judged and counts nobody again.
    clock.set('2026-04-12T06:00:00+07:00');
    const daily = await app.services.jobs.runDaily('2026-04-12');
    expect(daily.retention).toMatchObject({ evaluated: 0, alreadyDone: false });
    const live = await funnelRows();
    expect(live.reduce((n, r) => n + r.retained_12m!, 0)).toBe(1);
    await sql`select stats_rebuild_all()`.execute(t.db);
    expect(await funnelRows()).toEqual(live);
  });
});
