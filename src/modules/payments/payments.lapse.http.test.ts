import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, enrollBody } from '../../../test/factories.ts';
import { buildApp, centralOfficer, login, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-03-02T08:00:00+07:00');
let app: App;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let session: Session;
let personId: number;

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  agent = await buildAgent(t.db, { province: '33' });
  session = await login(app, agent.username, agent.password);
  const enrolled = await app.inject({
    method: 'POST',
    url: '/api/v1/participants',
    headers: session.headers,
    payload: enrollBody({ communeCode: agent.communes[0]!, categories: ['other'], startMonth: '2026-03' }),
  });
  personId = enrolled.json().id;
  await pay({ mode: 'monthly', method: 'cash', amount: 264_000 });
});
afterAll(() => app.close());

function pay(body: Record<string, unknown>) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/participants/${personId}/payments`,
    headers: session.headers,
    payload: body,
  });
}
/** A new day: sessions last 12 hours, so everyone signs in again; the centre runs the daily job. */
async function day(iso: string) {
  clock.set(iso);
  session = await login(app, agent.username, agent.password);
  const job = await app.inject({
    method: 'POST',
    url: '/api/v1/jobs/daily',
    headers: (await centralOfficer(app, t.db)).headers,
    payload: {},
  });
  expect(job.statusCode, job.body).toBe(200);
}
const enrollment = () =>
  t.db
    .selectFrom('vsi_enrollment')
    .select(['status', 'paid_through', 'due_date'])
    .where('participant_id', '=', personId)
    .executeTakeFirstOrThrow();

describe('coming back after a lapse', () => {
  it('by catching up the skipped months is a reactivation, kept until the next deadline', async () => {
    await day('2026-06-10T09:00:00+07:00');
    expect((await enrollment()).status).toBe('lapsed');

    const quote = await app.inject({
      method: 'POST',
      url: `/api/v1/participants/${personId}/payment-quote`,
      headers: session.headers,
      payload: { mode: 'catch_up', fundRate: 0.005 },
    });
    const caughtUp = await pay({
      mode: 'catch_up',
      fundRate: 0.005,
      method: 'cash',
      amount: quote.json().quote.total,
    });
    expect(caughtUp.statusCode, caughtUp.body).toBe(201);
    expect(caughtUp.json()).toMatchObject({
      status: 'reactivated',
      paidThrough: '2026-05',
      dueDate: '2026-06-30',
    });

    await day('2026-06-11T09:00:00+07:00');
    expect(await enrollment()).toEqual({
      status: 'reactivated',
      paid_through: '2026-05-01',
      due_date: '2026-06-30',
    });
    const changes = await t.db
      .selectFrom('status_change as s')
      .innerJoin('vsi_enrollment as e', 'e.id', 's.enrollment_id')
      .select(['s.from_status', 's.to_status'])
      .where('e.participant_id', '=', personId)
      .orderBy('s.id')
      .execute();
    expect(changes.slice(-2)).toEqual([
      { from_status: 'active', to_status: 'lapsed' },
      { from_status: 'lapsed', to_status: 'reactivated' },
    ]);
  });

  it('and then paying the month on time is active again', async () => {
    const paid = await pay({ mode: 'monthly', method: 'cash', amount: 264_000 });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({ status: 'active', paidThrough: '2026-06', dueDate: '2026-07-31' });
  });
});
