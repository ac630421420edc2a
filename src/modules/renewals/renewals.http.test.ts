import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildUser, enrollBody } from '../../../test/factories.ts';
import { buildApp, centralOfficer, login, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-03-02T08:00:00+07:00');
let app: App;
let central: Session;
let postManager: Session;
let participantId: number;

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  const agent = await buildAgent(t.db, { province: '33' });
  const session = await login(app, agent.username, agent.password);
  // Enrolled in March, never paid: on 10 June the first deadline has long passed.
  const enrolled = await app.inject({
    method: 'POST',
    url: '/api/v1/participants',
    headers: session.headers,
    payload: enrollBody({ communeCode: agent.communes[0]!, categories: ['other'], startMonth: '2026-03' }),
  });
  expect(enrolled.statusCode, enrolled.body).toBe(201);
  participantId = enrolled.json().id;
  clock.set('2026-06-10T09:00:00+07:00');
  const boss = await buildUser(t.db, { role: 'post_office_manager', orgUnitId: agent.office.id });
  postManager = await login(app, boss.username, boss.password);
  central = await centralOfficer(app, t.db);
});
afterAll(() => app.close());

const runJob = (session: Session, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/v1/jobs/daily', headers: session.headers, payload });
const statusOf = async () =>
  (
    await t.db
      .selectFrom('vsi_enrollment')
      .select('status')
      .where('participant_id', '=', participantId)
      .executeTakeFirstOrThrow()
  ).status;

describe('POST /api/v1/jobs/daily', () => {
  it('is refused to a post-office manager: the job moves statuses nationwide', async () => {
    const response = await runJob(postManager, {});
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.forbidden');
    expect(await t.db.selectFrom('job_run').select('job').execute()).toEqual([]);
  });

  it('refuses a date after today, naming both, and changes nothing', async () => {
    const before = await statusOf();
    const response = await runJob(central, { date: '2026-06-11' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'job.future_date',
      field: 'date',
      message:
        'Không chạy việc hằng ngày cho ngày 2026-06-11 trong tương lai; hôm nay là 2026-06-10. Hãy chọn hôm nay hoặc một ngày đã qua.',
    });
    expect(await t.db.selectFrom('job_run').select('job').execute()).toEqual([]);
    expect(await statusOf()).toBe(before);
  });

  it('runs for today for a central officer', async () => {
    const response = await runJob(central, {});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ date: '2026-06-10' });
    expect(await t.db.selectFrom('job_run').select('run_date').where('job', '=', 'status').execute()).toEqual(
      [{ run_date: '2026-06-10' }],
    );
  });
});
