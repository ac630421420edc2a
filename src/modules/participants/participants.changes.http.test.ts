import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildUser } from '../../../test/factories.ts';
import { buildApp, enrollThrough, login, type Session } from '../../../test/http.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
let app: App;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let session: Session;
let manager: Session;

beforeAll(async () => {
  app = await buildApp(t.db);
  agent = await buildAgent(t.db, { province: '01' });
  session = await login(app, agent.username, agent.password);
  const boss = await buildUser(t.db, { role: 'post_office_manager', orgUnitId: agent.office.id });
  manager = await login(app, boss.username, boss.password);
});
afterAll(() => app.close());

const enrolled = () => enrollThrough(app, session, { communeCode: agent.communes[0]! });

describe('ending an enrollment', () => {
  const end = (id: number, payload: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/participants/${id}/end`,
      headers: manager.headers,
      payload,
    });
  const statusOf = async (participantId: number) =>
    t.db
      .selectFrom('vsi_enrollment')
      .select(['status', 'status_since'])
      .where('participant_id', '=', participantId)
      .executeTakeFirstOrThrow();

  it('refuses a date after today, naming both, and changes nothing', async () => {
    const person = await enrolled();
    const response = await end(person.id, { status: 'retired', onDate: '2026-03-03' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'participant.end_in_future',
      field: 'onDate',
      message:
        'Ngày 2026-03-03 chưa đến (hôm nay là 2026-03-02). Chỉ ghi nhận nghỉ hưu, nhận BHXH một lần hoặc đã mất khi việc đó đã xảy ra: chọn một ngày đến hôm nay.',
    });
    expect(await statusOf(person.id)).toEqual({
      status: 'awaiting_first_payment',
      status_since: '2026-03-02',
    });
  });

  it('records a date up to today', async () => {
    const person = await enrolled();
    const response = await end(person.id, { status: 'retired', onDate: '2026-03-02' });
    expect(response.statusCode, response.body).toBe(200);
    expect(await statusOf(person.id)).toEqual({ status: 'retired', status_since: '2026-03-02' });
  });
});

describe('moving a person to another commune', () => {
  const move = (id: number, communeCode: string) =>
    app.inject({
      method: 'PATCH',
      url: `/api/v1/participants/${id}`,
      headers: session.headers,
      payload: { communeCode },
    });

  it('refuses a commune merged away, as enrollment does, and keeps the old one', async () => {
    const person = await enrolled();
    const merged = agent.communes[1]!;
    // The agent's unit still serves it on record; the map says it ended last year.
    await t.db.updateTable('commune').set({ valid_to: '2025-06-30' }).where('code', '=', merged).execute();
    try {
      const response = await move(person.id, merged);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'unit.unknown_commune', field: 'communeCode' });
      expect(response.json().error.message).toBe(
        `Mã xã ${merged} không tồn tại trong danh mục 3.321 xã, phường, đặc khu hiện hành.`,
      );
      const still = await t.db
        .selectFrom('participant')
        .select('commune_code')
        .where('id', '=', person.id)
        .executeTakeFirstOrThrow();
      expect(still.commune_code).toBe(agent.communes[0]);
    } finally {
      await t.db.updateTable('commune').set({ valid_to: null }).where('code', '=', merged).execute();
    }
    const moved = await move(person.id, merged);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().commune.code).toBe(merged);
  });
});
