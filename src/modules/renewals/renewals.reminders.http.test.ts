import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildOrgUnit, buildUser, enrollBody } from '../../../test/factories.ts';
import { buildApp, centralOfficer, login, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
// Fifteen days before the end of March, when the reminders for March go out.
const clock = fixedClock('2026-03-16T06:00:00+07:00');
let app: App;
let agent: Session;
let other: Session & { id: number };
let manager: Session;
const people: Record<'hoa' | 'lan' | 'minh' | 'silent', { id: number; personalId: string }> = {} as never;

interface Reminder {
  id: number;
  product: string;
  channel: string;
  period: string;
  dueDate: string;
  amount: number;
  body: string;
  status: string;
  error: string | null;
  participant: { id: number; fullName: string; maskedId: string };
}

async function enroll(session: Session, body: ReturnType<typeof enrollBody>) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/participants',
    headers: session.headers,
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return { id: response.json().id as number, personalId: body.personalId };
}

const list = async (session: Session | null, query = '') =>
  app.inject({ method: 'GET', url: `/api/v1/reminders${query}`, headers: session?.headers ?? {} });
const names = async (session: Session, query = '') =>
  ((await list(session, query)).json().items as Reminder[]).map((r) => r.participant.fullName);

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  const first = await buildAgent(t.db, { province: '01' });
  agent = await login(app, first.username, first.password);
  const commune = first.communes[0]!;
  const point = await buildOrgUnit(t.db, {
    kind: 'post_point',
    parentId: first.office.id,
    communes: [commune],
  });
  const second = await buildUser(t.db, { role: 'collection_agent', orgUnitId: point.id });
  other = { ...(await login(app, second.username, second.password)), id: second.id };
  const boss = await buildUser(t.db, { role: 'post_office_manager', orgUnitId: first.office.id });
  manager = await login(app, boss.username, boss.password);

  // Everyone starts in March 2026 and owes March by the 31st; all but one agreed to be reminded.
  people.hoa = await enroll(agent, enrollBody({ communeCode: commune, fullName: 'Nguyễn Thị Hoa' }));
  people.lan = await enroll(agent, enrollBody({ communeCode: commune, fullName: 'Trần Thị Lan' }));
  people.minh = await enroll(other, enrollBody({ communeCode: commune, fullName: 'Lê Văn Minh' }));
  people.silent = await enroll(
    agent,
    enrollBody({ communeCode: commune, fullName: 'Đỗ Văn Im', contactConsent: false }),
  );
  // Fifteen days before the deadline the daily job queues and sends the reminders.
  const run = await app.inject({
    method: 'POST',
    url: '/api/v1/jobs/daily',
    headers: (await centralOfficer(app, t.db)).headers,
    payload: { date: '2026-03-16' },
  });
  expect(run.statusCode, run.body).toBe(200);
  expect(run.json().reminders).toMatchObject({ queued: 3, sent: 3 });
  // One failed at the carrier; one went out on Zalo.
  await t.db
    .updateTable('reminder')
    .set({ status: 'failed', error: 'Nhà mạng từ chối: số thuê bao không tồn tại' })
    .where('participant_id', '=', people.lan.id)
    .execute();
  await t.db
    .updateTable('reminder')
    .set({ channel: 'zalo' })
    .where('participant_id', '=', people.minh.id)
    .execute();
});
afterAll(() => app.close());

describe('the reminders outbox', () => {
  it('401 without a login', async () => {
    expect((await list(null)).statusCode).toBe(401);
  });

  it('400 for a status that does not exist, naming the field', async () => {
    const response = await list(manager, '?status=delivered');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toContain('status');
  });

  it('403 for a viewer, in Vietnamese', async () => {
    const viewer = await buildUser(t.db, { role: 'viewer', province: '01' });
    const response = await list(await login(app, viewer.username, viewer.password));
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('Vai trò viewer không được phép xem nhắc đóng.');
  });

  it("shows nothing of another province's people", async () => {
    const south = await buildUser(t.db, { role: 'provincial_officer', province: '79' });
    const response = await list(await login(app, south.username, south.password));
    expect(response.json()).toEqual({ total: 0, items: [] });
  });

  it('lists what was sent to whom, newest first: masked ID, channel, text, amount, deadline, status', async () => {
    const response = await list(manager);
    expect(response.statusCode).toBe(200);
    const { total, items } = response.json() as { total: number; items: Reminder[] };
    expect(total).toBe(3);
    expect(items.map((r) => r.participant.fullName)).toEqual([
      'Lê Văn Minh',
      'Trần Thị Lan',
      'Nguyễn Thị Hoa',
    ]);
    const hoa = items.find((r) => r.participant.id === people.hoa.id)!;
    expect(hoa).toMatchObject({
      product: 'vsi',
      channel: 'sms',
      period: '2026-03',
      dueDate: '2026-03-31',
      status: 'sent',
      error: null,
      participant: {
        maskedId: `${people.hoa.personalId.slice(0, 3)}******${people.hoa.personalId.slice(9)}`,
      },
    });
    expect(hoa.amount).toBeGreaterThanOrEqual(0);
    // SMS go out without diacritics.
    expect(hoa.body).toMatch(/^BHXH: Kinh gui Nguyen Thi Hoa, ky dong BHXH tu nguyen tu thang 03\/2026/);
    expect(hoa.body).toContain('han nop 31/03/2026');
    expect(JSON.stringify(items)).not.toContain(people.hoa.personalId);
  });

  it('filters by status and by channel', async () => {
    const failed = (await list(manager, '?status=failed')).json();
    expect(failed.total).toBe(1);
    expect(failed.items[0]).toMatchObject({
      status: 'failed',
      error: 'Nhà mạng từ chối: số thuê bao không tồn tại',
      participant: { fullName: 'Trần Thị Lan' },
    });
    expect(await names(manager, '?channel=zalo')).toEqual(['Lê Văn Minh']);
    expect(await names(manager, '?channel=sms&status=sent')).toEqual(['Nguyễn Thị Hoa']);
    expect((await list(manager, '?product=hhi')).json().total).toBe(0);
  });

  it('pages with limit and offset, the total counting every match', async () => {
    const first = (await list(manager, '?limit=2')).json();
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    const rest = (await list(manager, '?limit=2&offset=2')).json();
    expect(rest.items.map((r: Reminder) => r.participant.fullName)).toEqual(['Nguyễn Thị Hoa']);
  });

  it("shows an agent only their own people's reminders, following who is responsible", async () => {
    expect(await names(agent)).toEqual(['Trần Thị Lan', 'Nguyễn Thị Hoa']);
    expect(await names(other)).toEqual(['Lê Văn Minh']);
    const moved = await app.inject({
      method: 'PUT',
      url: `/api/v1/participants/${people.hoa.id}/agent`,
      headers: manager.headers,
      payload: { agentUserId: other.id },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await names(other)).toEqual(['Lê Văn Minh', 'Nguyễn Thị Hoa']);
    expect(await names(agent)).toEqual(['Trần Thị Lan']);
  });
});
