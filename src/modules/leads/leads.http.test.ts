import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildOrgUnit, buildUser, enrollBody, personalIdFor } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import { leadsHttp } from '../../../test/leads.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-05-08T09:00:00+07:00');
let app: App;
let http: ReturnType<typeof leadsHttp>;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let agentSession: Session;
let neighbour: { id: number; session: Session; communes: string[] };
let manager: Session;
let hcmc: Session;
let hcmcAgent: Awaited<ReturnType<typeof buildAgent>>;
let campaignId: number;

const lead = (overrides: Record<string, unknown> = {}) => ({
  campaignId,
  source: 'door_to_door',
  fullName: 'Trần Thị Bưởi',
  phone: '0912 000 111',
  communeCode: agent.communes[0],
  consent: true,
  purpose: 'vsi_enroll',
  ...overrides,
});

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
    startsOn: '2026-05-01',
    endsOn: '2026-05-31',
  });
  agent = await buildAgent(t.db, { province: '01' });
  agentSession = await login(app, agent.username, agent.password);
  // A second post point of the same office, serving another commune.
  const point = await buildOrgUnit(t.db, {
    kind: 'post_point',
    parentId: agent.office.id,
    communes: agent.office.communes.slice(2, 3),
  });
  const other = await buildUser(t.db, { role: 'collection_agent', orgUnitId: point.id });
  neighbour = {
    id: other.id,
    session: await login(app, other.username, other.password),
    communes: point.communes,
  };
  const m = await buildUser(t.db, { role: 'post_office_manager', orgUnitId: agent.office.id });
  manager = await login(app, m.username, m.password);
  const h = await buildUser(t.db, { role: 'provincial_officer', province: '79' });
  hcmc = await login(app, h.username, h.password);
  hcmcAgent = await buildAgent(t.db, { province: '79' });
});
afterAll(() => app.close());

describe('capturing a lead', () => {
  it('401 without a login', async () => {
    expect((await http.call(null, 'POST', '/leads', lead())).statusCode).toBe(401);
  });

  it('400 naming the fields at fault, and no phone kept without consent', async () => {
    const missing = await http.call(agentSession, 'POST', '/leads', { campaignId, source: 'door_to_door' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['fullName', 'communeCode', 'consent', 'purpose']),
    );
    const noConsent = await http.call(agentSession, 'POST', '/leads', lead({ consent: false }));
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error).toMatchObject({ code: 'lead.phone_without_consent', field: 'phone' });
    expect(noConsent.json().error.message).toBe(
      'Chỉ được lưu số điện thoại khi người đó đồng ý cho liên hệ (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân). Hãy đánh dấu “Đồng ý cho liên hệ” hoặc bỏ số điện thoại.',
    );
    const withoutPhone = await http.call(
      agentSession,
      'POST',
      '/leads',
      lead({ consent: false, phone: null, fullName: 'Người không để lại số' }),
    );
    expect(withoutPhone.statusCode, withoutPhone.body).toBe(201);
    expect(withoutPhone.json()).toMatchObject({ consent: false, phone: null });
  });

  it('403 for a person living outside the caller’s area, 404 for a lead of another province', async () => {
    const outside = await http.call(
      agentSession,
      'POST',
      '/leads',
      lead({ communeCode: hcmcAgent.communes[0] }),
    );
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('lead.commune_outside_scope');
    const mine = await http.call(agentSession, 'POST', '/leads', lead({ phone: '0912000112' }));
    expect(mine.statusCode, mine.body).toBe(201);
    expect((await http.call(hcmc, 'GET', `/leads/${mine.json().id}`)).statusCode).toBe(404);
    expect((await http.call(hcmc, 'GET', '/leads')).json().total).toBe(0);
  });

  it('is given to the agent who met the person, and seen by their manager', async () => {
    const response = await http.call(agentSession, 'POST', '/leads', lead({ phone: '0912000113' }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      source: 'door_to_door',
      channel: 'door_to_door',
      status: 'new',
      phone: '0912000113',
      consent: true,
      purpose: 'vsi_enroll',
      assignedTo: { id: agent.id },
      orgUnit: { id: agent.point.id },
      commune: { code: agent.communes[0] },
    });
    const list = (
      await http.call(manager, 'GET', `/leads?campaignId=${campaignId}&search=0912000113`)
    ).json();
    expect(list.items.map((l: { id: number }) => l.id)).toEqual([response.json().id]);
  });

  it('refuses a second lead of the same phone or person in the campaign, naming the first', async () => {
    const personalId = personalIdFor({ birthDate: '1980-04-04', sex: 'M' });
    const first = await http.call(agentSession, 'POST', '/leads', lead({ phone: '0912000114', personalId }));
    expect(first.statusCode, first.body).toBe(201);
    const samePhone = await http.call(agentSession, 'POST', '/leads', lead({ phone: '+84 912 000 114' }));
    expect(samePhone.statusCode).toBe(409);
    expect(samePhone.json().error.message).toBe(
      `Số điện thoại 0912000114 đã có trong danh sách của chiến dịch này (khách hàng Trần Thị Bưởi, mã ${first.json().id}). Mỗi số chỉ ghi một lần; nếu là người nhà, hãy ghi chú vào khách hàng đã có.`,
    );
    const samePerson = await http.call(manager, 'POST', '/leads', lead({ phone: null, personalId }));
    expect(samePerson.statusCode).toBe(409);
    expect(samePerson.json().error.code).toBe('lead.duplicate_person');
  });

  it('refuses someone already paying voluntary SI', async () => {
    const body = enrollBody({ communeCode: agent.communes[0]!, phone: '0912000115', startMonth: '2026-05' });
    expect((await http.call(agentSession, 'POST', '/participants', body)).statusCode).toBe(201);
    const response = await http.call(
      agentSession,
      'POST',
      '/leads',
      lead({ phone: null, personalId: body.personalId }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('lead.already_participant');
    expect(response.json().error.message).toContain('chờ đóng lần đầu');
  });

  it('from an activity only of its kind, held in the province the person lives in', async () => {
    const unit = (code: string) =>
      t.db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    const [hanoiUnit, hcmcUnit] = [await unit('BHXH-01'), await unit('BHXH-79')];
    const insert = (orgUnitId: number, province: string, kind: string) =>
      t.db
        .insertInto('activity')
        .values({
          campaign_id: campaignId,
          org_unit_id: orgUnitId,
          province_code: province,
          kind,
          on_date: '2026-05-08',
          title: `Hoạt động ${kind} ${province}`,
          created_at: clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const convoy = await insert(hanoiUnit.id, '01', 'convoy');
    const far = await insert(hcmcUnit.id, '79', 'convoy');
    // The agent, at a post point, sees the province's convoy to pick it, and not another province's.
    const offered = (await http.call(agentSession, 'GET', `/campaigns/${campaignId}/lead-activities`)).json();
    expect(offered.items.map((a: { id: number }) => a.id)).toEqual([Number(convoy.id)]);
    const ok = await http.call(
      agentSession,
      'POST',
      '/leads',
      lead({ source: 'convoy', eventId: convoy.id, phone: '0912000116' }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ channel: 'convoy', eventTitle: 'Hoạt động convoy 01' });
    const wrongKind = await http.call(
      agentSession,
      'POST',
      '/leads',
      lead({ source: 'event', eventId: convoy.id, phone: '0912000117' }),
    );
    expect(wrongKind.json().error).toMatchObject({ code: 'lead.event_mismatch', field: 'source' });
    const elsewhere = await http.call(
      agentSession,
      'POST',
      '/leads',
      lead({ source: 'convoy', eventId: far.id, phone: '0912000117' }),
    );
    expect(elsewhere.json().error).toMatchObject({ code: 'lead.event_not_found', field: 'eventId' });
  });
});

describe('assigning leads', () => {
  let ids: number[];
  beforeAll(async () => {
    ids = [];
    for (const [i, commune] of [agent.communes[0], neighbour.communes[0]].entries()) {
      const r = await http.call(
        manager,
        'POST',
        '/leads',
        lead({ phone: `091200020${i}`, communeCode: commune }),
      );
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().assignedTo).toBeNull();
      ids.push(r.json().id);
    }
  });

  it('is a manager’s act, and only to someone in their area who serves the person’s commune', async () => {
    expect(
      (await http.call(agentSession, 'POST', '/leads/assign', { leadIds: ids, agentUserId: agent.id }))
        .statusCode,
    ).toBe(403);
    const far = await http.call(manager, 'POST', '/leads/assign', {
      leadIds: [ids[0]!],
      agentUserId: hcmcAgent.id,
    });
    expect(far.statusCode).toBe(403);
    expect(far.json().error.code).toBe('lead.agent_outside_scope');
    // All or none: one of the two lives outside this agent's communes.
    const both = await http.call(manager, 'POST', '/leads/assign', { leadIds: ids, agentUserId: agent.id });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.code).toBe('lead.agent_not_serving');
    expect(both.json().error.message).toContain('1 khách hàng đã chọn ở ngoài địa bàn');
    expect(
      (await http.call(hcmc, 'POST', '/leads/assign', { leadIds: ids, agentUserId: hcmcAgent.id })).json()
        .error.code,
    ).toBe('lead.not_found');
  });

  it('gives each agent their own worklist, and works as the agent’s unit', async () => {
    const r = await http.call(manager, 'POST', '/leads/assign', {
      leadIds: [ids[0]!],
      agentUserId: agent.id,
    });
    expect(r.json()).toEqual({ assigned: 1 });
    await http.call(manager, 'POST', '/leads/assign', { leadIds: [ids[1]!], agentUserId: neighbour.id });
    const mine = (await http.call(agentSession, 'GET', `/leads?campaignId=${campaignId}&status=open`)).json();
    expect(mine.items.map((l: { id: number }) => l.id)).toContain(ids[0]);
    expect(mine.items.map((l: { id: number }) => l.id)).not.toContain(ids[1]);
    const theirs = (await http.call(neighbour.session, 'GET', `/leads/${ids[1]}`)).json();
    expect(theirs).toMatchObject({ assignedTo: { id: neighbour.id }, status: 'new' });
    expect((await http.call(neighbour.session, 'GET', `/leads/${ids[0]}`)).statusCode).toBe(404);
    const unassigned = await http.call(manager, 'POST', '/leads/assign', {
      leadIds: [ids[1]!],
      agentUserId: null,
    });
    expect(unassigned.json()).toEqual({ assigned: 1 });
    expect((await http.call(neighbour.session, 'GET', `/leads/${ids[1]}`)).statusCode).toBe(404);
  });
});

describe('following a lead up', () => {
  let id: number;
  beforeAll(async () => {
    id = (
      await http.call(agentSession, 'POST', '/leads', lead({ phone: '0912000301', fullName: 'Lò Văn Sáng' }))
    ).json().id;
  });
  // A minute between taps, as between a call and a visit.
  const step = (s: Session, body: Record<string, unknown>) => {
    clock.advance(60_000);
    return http.call(s, 'POST', `/leads/${id}/follow-up`, body);
  };

  it('goes contacted, consulted with what was said, and back by undo', async () => {
    expect((await step(agentSession, { step: 'contacted' })).json().status).toBe('contacted');
    const again = await step(agentSession, { step: 'contacted' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      'Khách hàng đang ở bước “đã liên hệ”, không thể ghi nhận “đã liên hệ”.',
    );
    const consulted = (
      await step(agentSession, { step: 'consulted', note: 'Quan tâm mức đóng 1,5 triệu' })
    ).json();
    expect(consulted).toMatchObject({ status: 'consulted', note: 'Quan tâm mức đóng 1,5 triệu' });
    const undone = (await http.call(agentSession, 'POST', `/leads/${id}/undo`)).json();
    expect(undone).toMatchObject({ status: 'contacted', consultedAt: null });
    expect(undone.contactedAt).not.toBeNull();
  });

  it('loses a person only with a reason, and reopens them by undo', async () => {
    const noReason = await step(agentSession, { step: 'lost' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ code: 'lead.lost_reason_required', field: 'reason' });
    expect((await step(agentSession, { step: 'lost', reason: 'cannot_afford' })).json()).toMatchObject({
      status: 'lost',
      lostReason: 'cannot_afford',
    });
    expect((await http.call(agentSession, 'POST', `/leads/${id}/undo`)).json()).toMatchObject({
      status: 'contacted',
      lostReason: null,
    });
  });

  it('erases the phone when the person withdraws consent', async () => {
    const r = await http.call(agentSession, 'PATCH', `/leads/${id}`, { consent: false });
    expect(r.json()).toMatchObject({ consent: false, phone: null });
    const back = await http.call(agentSession, 'PATCH', `/leads/${id}`, { phone: '0912000301' });
    expect(back.json().error.code).toBe('lead.phone_without_consent');
  });

  it('is audited with who did it', async () => {
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity', '=', 'lead')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(rows[0]).toMatchObject({ action: 'insert', actor_user_id: agent.id });
    expect(rows.length).toBeGreaterThanOrEqual(6);
  });
});

describe('a lead who enrolls and pays', () => {
  it('is closed by the enrollment of the same phone in the campaign, then by the first payment; a void reopens the payment step', async () => {
    const created = (
      await http.call(agentSession, 'POST', '/leads', lead({ phone: '0912000401', fullName: 'Vi Thị Mơ' }))
    ).json();
    const body = enrollBody({
      communeCode: agent.communes[0]!,
      phone: '0912000401',
      fullName: 'Vi Thị Mơ',
      startMonth: '2026-05',
      campaignId,
      channel: 'door_to_door',
    });
    const enrolled = await http.call(agentSession, 'POST', '/participants', body);
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const after = (await http.call(agentSession, 'GET', `/leads/${created.id}`)).json();
    expect(after).toMatchObject({ status: 'enrolled', participantId: enrolled.json().id });
    expect(after.enrollmentId).toBe(enrolled.json().enrollment.id);
    expect(after.contactedAt).not.toBeNull();
    expect((await http.call(agentSession, 'POST', `/leads/${created.id}/undo`)).json().error.code).toBe(
      'lead.undo_converted',
    );

    const receipt = await http.pay(agentSession, enrolled.json().id, 'monthly');
    expect((await http.call(agentSession, 'GET', `/leads/${created.id}`)).json().status).toBe('paid');
    const voided = await http.call(manager, 'POST', `/receipts/${receipt}/void`, { reason: 'Thu nhầm' });
    expect(voided.statusCode, voided.body).toBe(200);
    expect((await http.call(agentSession, 'GET', `/leads/${created.id}`)).json()).toMatchObject({
      status: 'enrolled',
      paidAt: null,
    });
  });

  it('is erased at the person’s request by a manager, not by the agent', async () => {
    const created = (await http.call(agentSession, 'POST', '/leads', lead({ phone: '0912000501' }))).json();
    expect((await http.call(agentSession, 'DELETE', `/leads/${created.id}`)).statusCode).toBe(403);
    expect((await http.call(manager, 'DELETE', `/leads/${created.id}`)).statusCode).toBe(204);
    expect((await http.call(manager, 'GET', `/leads/${created.id}`)).statusCode).toBe(404);
  });
});
