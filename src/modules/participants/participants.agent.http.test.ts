import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildOrgUnit, buildUser, personalIdFor } from '../../../test/factories.ts';
import { buildApp, enrollThrough, login, type Session } from '../../../test/http.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
let app: App;
/** Enrolls the people; then leaves, and a manager hands them over. */
let first: Awaited<ReturnType<typeof buildAgent>>;
let firstSession: Session;
/** Another agent serving the same commune. */
let second: { id: number; session: Session };
/** An agent of the same post office whose point serves another commune. */
let elsewhere: { id: number; fullName: string };
let manager: Session & { id: number };
let commune: string;

async function agentAt(communes: string[], fullName: string) {
  const point = await buildOrgUnit(t.db, { kind: 'post_point', parentId: first.office.id, communes });
  const user = await buildUser(t.db, { role: 'collection_agent', orgUnitId: point.id, fullName });
  return { id: user.id, fullName, session: await login(app, user.username, user.password) };
}

beforeAll(async () => {
  app = await buildApp(t.db);
  first = await buildAgent(t.db, { province: '01' });
  firstSession = await login(app, first.username, first.password);
  commune = first.communes[0]!;
  second = await agentAt([commune], 'Vũ Thị Thu');
  elsewhere = await agentAt([first.office.communes[2]!], 'Đinh Văn Xa');
  const boss = await buildUser(t.db, { role: 'post_office_manager', orgUnitId: first.office.id });
  manager = { ...(await login(app, boss.username, boss.password)), id: boss.id };
});
afterAll(() => app.close());

const enrolled = async (session: Session, communeCode: string, fullName: string) =>
  (await enrollThrough(app, session, { communeCode, fullName })).id;

const assign = (session: Session | null, path: string, agentUserId: number | null) =>
  app.inject({
    method: 'PUT',
    url: `/api/v1/${path}/agent`,
    headers: session?.headers ?? {},
    payload: { agentUserId },
  });

/** Names on an agent's worklist: the people due in 16–62 days (a March start is due on 31 March). */
async function worklistOf(session: Session) {
  const response = await app.inject({
    method: 'GET',
    url: '/api/v1/worklist?bucket=upcoming&limit=200',
    headers: session.headers,
  });
  expect(response.statusCode).toBe(200);
  return response
    .json()
    .items.map((w: { product: string; id: number; participantId: number }) =>
      w.product === 'vsi' ? `vsi:${w.participantId}` : `hhi:${w.id}`,
    );
}

describe("naming the collection agent responsible for a person's renewals", () => {
  let person: number;

  beforeAll(async () => {
    person = await enrolled(firstSession, commune, 'Phan Thị Giao');
  });

  it('401 without a login', async () => {
    expect((await assign(null, `participants/${person}`, second.id)).statusCode).toBe(401);
  });

  it('400 naming the field when agentUserId is missing', async () => {
    const response = await app.inject({
      method: 'PUT',
      url: `/api/v1/participants/${person}/agent`,
      headers: manager.headers,
      payload: {},
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toContain('agentUserId');
  });

  it('403 for a collection agent: handing people over is a manager’s call', async () => {
    const response = await assign(firstSession, `participants/${person}`, second.id);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.forbidden');
  });

  it("404 for another province's participant", async () => {
    const south = await buildAgent(t.db, { province: '79' });
    const southPerson = await enrolled(
      await login(app, south.username, south.password),
      south.communes[0]!,
      'Lâm Văn Nam',
    );
    const response = await assign(manager, `participants/${southPerson}`, second.id);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('participant.not_found');
  });

  it('400 for an agent whose unit does not serve the commune, naming agent, unit and commune', async () => {
    const response = await assign(manager, `participants/${person}`, elsewhere.id);
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error).toMatchObject({ code: 'participant.agent_not_serving', field: 'agentUserId' });
    expect(error.message).toMatch(
      /^Đinh Văn Xa \(Đơn vị thử \w+\) không phục vụ .+\. Chọn người thu của đơn vị phục vụ nơi người tham gia cư trú\.$/,
    );
  });

  it('400 for someone who is not a collection agent, and for an unknown user', async () => {
    const self = await assign(manager, `participants/${person}`, manager.id);
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('participant.not_a_collector');
    const unknown = await assign(manager, `participants/${person}`, 999_999);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('participant.agent_not_found');
  });

  it('lists the agents who may be named: those serving the commune, by name', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/participants/${person}/agents?search=thu`,
      headers: manager.headers,
    });
    expect(response.statusCode).toBe(200);
    const ids = response.json().items.map((a: { id: number }) => a.id);
    expect(ids).toContain(second.id);
    expect(ids).not.toContain(elsewhere.id);
    const all = await app.inject({
      method: 'GET',
      url: `/api/v1/participants/${person}/agents`,
      headers: manager.headers,
    });
    expect(all.json().items.map((a: { id: number }) => a.id)).toEqual(
      expect.arrayContaining([first.id, second.id]),
    );
    expect(all.json().items.map((a: { id: number }) => a.id)).not.toContain(elsewhere.id);
  });

  it("moves the person to the new agent's worklist, once, audited; null gives them back", async () => {
    expect(await worklistOf(firstSession)).toContain(`vsi:${person}`);
    expect(await worklistOf(second.session)).not.toContain(`vsi:${person}`);

    const response = await assign(manager, `participants/${person}`, second.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      changed: true,
      responsibleAgent: {
        userId: second.id,
        fullName: 'Vũ Thị Thu',
        username: expect.any(String),
        unitName: expect.stringMatching(/^Đơn vị thử/),
        active: true,
        assigned: true,
      },
    });
    expect(await worklistOf(second.session)).toContain(`vsi:${person}`);
    expect(await worklistOf(firstSession)).not.toContain(`vsi:${person}`);
    // A manager looking at one agent's list sees the same.
    const picked = await app.inject({
      method: 'GET',
      url: `/api/v1/worklist?bucket=upcoming&agentUserId=${second.id}`,
      headers: manager.headers,
    });
    expect(picked.json().items.map((w: { participantId: number }) => w.participantId)).toContain(person);

    // The profile names them; who enrolled the person is unchanged.
    const profile = await app.inject({
      method: 'GET',
      url: `/api/v1/participants/${person}`,
      headers: manager.headers,
    });
    expect(profile.json().enrollment).toMatchObject({
      agentUserId: first.id,
      responsibleAgent: { userId: second.id, assigned: true },
    });

    // The same request again writes nothing.
    const again = await assign(manager, `participants/${person}`, second.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().changed).toBe(false);
    const enrollmentId = profile.json().enrollment.id;
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'changes'])
      .where('entity', '=', 'vsi_enrollment')
      .where('entity_id', '=', String(enrollmentId))
      .where('action', '=', 'update')
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      actor_user_id: manager.id,
      changes: { collector_user_id: { before: null, after: second.id } },
    });

    const back = await assign(manager, `participants/${person}`, null);
    expect(back.json()).toMatchObject({
      changed: true,
      responsibleAgent: { userId: first.id, assigned: false },
    });
    expect(await worklistOf(firstSession)).toContain(`vsi:${person}`);
    expect(await worklistOf(second.session)).not.toContain(`vsi:${person}`);
  });

  it('409 for a person with no VSI enrollment (household health insurance only)', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: firstSession.headers,
      payload: {
        communeCode: commune,
        paymentMonths: 12,
        members: [
          {
            personalId: personalIdFor({ birthDate: '1975-01-01', sex: 'M' }),
            fullName: 'Chu Văn Hộ',
            birthDate: '1975-01-01',
            sex: 'M',
          },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await assign(manager, `participants/${created.json().head.id}`, second.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('participant.no_enrollment');
  });
});

describe("naming the collection agent responsible for a household's renewal", () => {
  it("moves the household to the new agent's worklist", async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: firstSession.headers,
      payload: {
        communeCode: commune,
        paymentMonths: 12,
        members: [
          {
            personalId: personalIdFor({ birthDate: '1980-02-02', sex: 'F' }),
            fullName: 'Lý Thị Hộ',
            birthDate: '1980-02-02',
            sex: 'F',
          },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const household = created.json();
    expect(household.responsibleAgent).toMatchObject({ userId: first.id, assigned: false });
    expect(await worklistOf(firstSession)).toContain(`hhi:${household.id}`);

    expect((await assign(firstSession, `households/${household.id}`, second.id)).statusCode).toBe(403);
    const refused = await assign(manager, `households/${household.id}`, elsewhere.id);
    expect(refused.json().error.code).toBe('participant.agent_not_serving');

    const response = await assign(manager, `households/${household.id}`, second.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      changed: true,
      responsibleAgent: { userId: second.id, assigned: true },
    });
    expect(await worklistOf(second.session)).toContain(`hhi:${household.id}`);
    expect(await worklistOf(firstSession)).not.toContain(`hhi:${household.id}`);
  });
});
