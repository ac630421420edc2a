import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildUser, enrollBody, personalIdFor } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import { leadsHttp } from '../../../test/leads.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-01-05T09:00:00+07:00');
let app: App;
let http: ReturnType<typeof leadsHttp>;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let manager: { username: string; password: string };
let session: Session;
let hcmc: Session;
let campaignId: number;
let endedId: number;
const who: Record<string, number> = {};

interface Source {
  source: string;
  people: number;
  already: number;
}

const sources = async (s: Session, id = campaignId) => {
  const r = await http.call(s, 'GET', `/campaigns/${id}/lead-sources`);
  expect(r.statusCode, r.body).toBe(200);
  return Object.fromEntries(
    r.json().items.map((i: Source) => [i.source, { people: i.people, already: i.already }]),
  );
};
const generate = (s: Session, source: string, id = campaignId) =>
  http.call(s, 'POST', `/campaigns/${id}/lead-sources/${source}/generate`);

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  http = leadsHttp(app);
  agent = await buildAgent(t.db, { province: '40' });
  const agentSession = await login(app, agent.username, agent.password);
  const commune = agent.communes[0]!;
  // In January: four people enroll (one without consent to be contacted, one who pays a quarter),
  // a household of two buys three months of HI, and someone in Hồ Chí Minh City enrolls.
  const enroll = async (key: string, s: Session, overrides: Record<string, unknown>) => {
    const r = await http.call(s, 'POST', '/participants', {
      ...enrollBody({ communeCode: commune, startMonth: '2026-01', ...overrides }),
    });
    expect(r.statusCode, r.body).toBe(201);
    who[key] = r.json().id;
  };
  await enroll('nearPoor', agentSession, { phone: '0977000001', categories: ['near_poor'] });
  await enroll('noConsent', agentSession, { phone: '0977000002', contactConsent: false });
  await enroll('poor', agentSession, { phone: '0977000003', categories: ['poor'] });
  await enroll('paying', agentSession, { phone: '0977000004', categories: ['near_poor'] });
  await enroll('nearPension', agentSession, {
    phone: '0977000005',
    birthDate: '1968-01-20',
    sex: 'M',
    personalId: personalIdFor({ birthDate: '1968-01-20', sex: 'M', province: '040' }),
    categories: ['other'],
  });
  await http.pay(agentSession, who.paying!, 'quarterly');
  const household = await http.call(agentSession, 'POST', '/households', {
    communeCode: commune,
    address: 'Xóm Trung',
    paymentMonths: 3,
    members: [
      {
        personalId: personalIdFor({ birthDate: '1966-06-10', sex: 'M', province: '040' }),
        fullName: 'Cao Văn Chủ',
        birthDate: '1966-06-10',
        sex: 'M',
        phone: '0977000006',
      },
      {
        personalId: personalIdFor({ birthDate: '1990-02-02', sex: 'F', province: '040' }),
        fullName: 'Cao Thị Con',
        birthDate: '1990-02-02',
        sex: 'F',
      },
    ],
  });
  expect(household.statusCode, household.body).toBe(201);
  const h = household.json();
  expect(
    (
      await http.call(agentSession, 'POST', `/households/${h.id}/payments`, {
        method: 'cash',
        amount: h.nextPayment.total,
      })
    ).statusCode,
  ).toBe(201);
  who.head = h.members[0].personId;
  // The head agrees to be contacted at the door.
  expect(
    (await http.call(agentSession, 'PATCH', `/participants/${who.head}`, { contactConsent: true }))
      .statusCode,
  ).toBe(200);
  const far = await buildAgent(t.db, { province: '79' });
  await enroll('far', await login(app, far.username, far.password), {
    communeCode: far.communes[0],
    phone: '0977000007',
  });

  // March: those who never paid have lapsed.
  clock.set('2026-03-02T09:00:00+07:00');
  await app.services.jobs.moveStatuses('2026-03-02');

  const centralUnit = await t.db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', 'BHXH-VN')
    .executeTakeFirstOrThrow();
  const c = await buildUser(t.db, { role: 'central_officer', orgUnitId: centralUnit.id });
  const central = await login(app, c.username, c.password);
  campaignId = await http.campaign(central, { startsOn: '2026-03-01', endsOn: '2026-03-31' });
  endedId = await http.campaign(central, { startsOn: '2026-01-01', endsOn: '2026-02-28' });
  manager = await buildUser(t.db, { role: 'post_office_manager', orgUnitId: agent.office.id });
  session = await login(app, manager.username, manager.password);
  const h79 = await buildUser(t.db, { role: 'provincial_officer', province: '79' });
  hcmc = await login(app, h79.username, h79.password);
});
afterAll(() => app.close());

describe('the built-in lists', () => {
  it('401 without a login, 403 for an agent, 400 for an unknown list', async () => {
    expect((await http.call(null, 'GET', `/campaigns/${campaignId}/lead-sources`)).statusCode).toBe(401);
    const agentSession = await login(app, agent.username, agent.password);
    const forbidden = await generate(agentSession, 'list_lapsed');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.message).toContain('tạo danh sách và giao khách hàng tiềm năng');
    const unknown = await generate(session, 'list_everyone');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe(
      'Dữ liệu gửi lên không hợp lệ: "source" phải là một trong: list_lapsed, list_near_pension, list_hhi_renewal, list_poor.',
    );
  });

  it('hold the people of the caller’s region who agreed to be contacted', async () => {
    expect(await sources(session)).toEqual({
      // Lapsed with consent: the near-poor, the poor and the one near retirement.
      list_lapsed: { people: 3, already: 0 },
      // Reaching retirement age by 2031: the lapsed man born in 1968 and the household head born in 1966.
      list_near_pension: { people: 2, already: 0 },
      // The head's card runs to the end of March.
      list_hhi_renewal: { people: 1, already: 0 },
      // Poor and near-poor not paying: the one paying a quarter is not a lead.
      list_poor: { people: 2, already: 0 },
    });
    expect((await sources(hcmc)).list_lapsed).toEqual({ people: 1, already: 0 });
  });

  it('become leads once: a second run adds nobody, and a person on two lists is one lead', async () => {
    const first = await generate(session, 'list_lapsed');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      processed: 3,
      added: 3,
      existing: 0,
      finished: true,
      started: true,
      resumed: false,
    });
    const again = (await generate(session, 'list_lapsed')).json();
    expect(again).toMatchObject({ processed: 3, added: 0, existing: 3 });
    expect((await generate(session, 'list_near_pension')).json()).toMatchObject({ added: 1, existing: 1 });
    expect((await generate(session, 'list_poor')).json()).toMatchObject({ added: 0, existing: 2 });
    expect((await generate(session, 'list_hhi_renewal')).json()).toMatchObject({ added: 0, existing: 1 });
    expect((await sources(session)).list_lapsed).toEqual({ people: 3, already: 3 });
    const progress = await http.call(
      session,
      'GET',
      `/campaigns/${campaignId}/lead-sources/list_lapsed/progress`,
    );
    expect(progress.json()).toEqual({ processed: 3, added: 0, existing: 3, finished: true, started: true });

    const leads = (
      await http.call(session, 'GET', `/leads?campaignId=${campaignId}&source=list_lapsed`)
    ).json();
    expect(leads.total).toBe(3);
    const nearPoor = leads.items.find((l: { participantId: number }) => l.participantId === who.nearPoor);
    expect(nearPoor).toMatchObject({
      purpose: 'vsi_resume',
      consent: true,
      phone: '0977000001',
      channel: 'post_office',
      status: 'new',
      assignedTo: null,
    });
    expect(nearPoor.enrollmentId).not.toBeNull();
    expect((await http.call(hcmc, 'GET', `/leads?campaignId=${campaignId}`)).json().total).toBe(0);
  });

  it('resume a run cut short after the participant it had reached', async () => {
    await t.db
      .updateTable('job_run')
      .set({ finished_at: null, cursor: who.nearPoor!, processed: 1, changed: 1 })
      .where('job', 'like', `leads:${campaignId}:list_lapsed:%`)
      .execute();
    expect((await generate(session, 'list_lapsed')).json()).toEqual({
      processed: 3,
      added: 1,
      existing: 2,
      finished: true,
      started: true,
      resumed: true,
    });
  });

  it('close a lapsed lead when the person pays again', async () => {
    const agentSession = await login(app, agent.username, agent.password);
    await http.pay(agentSession, who.nearPoor!, 'monthly');
    const leads = (await http.call(session, 'GET', `/leads?campaignId=${campaignId}&status=paid`)).json();
    expect(leads.items.map((l: { participantId: number }) => l.participantId)).toEqual([who.nearPoor]);
  });

  it('are not drawn for a campaign that has ended', async () => {
    const response = await generate(session, 'list_lapsed', endedId);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(
      'Chiến dịch “Tháng vận động 2026-01-01” đã kết thúc ngày 2026-02-28; không thêm khách hàng tiềm năng vào chiến dịch đã kết thúc.',
    );
  });
});
