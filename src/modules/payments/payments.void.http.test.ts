import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildUser } from '../../../test/factories.ts';
import { buildApp, enrollThrough, login, payThrough, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-03-02T08:00:00+07:00');
let app: App;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let session: Session;
let manager: Session;

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  agent = await buildAgent(t.db, { province: '33' });
  session = await login(app, agent.username, agent.password);
  const boss = await buildUser(t.db, { role: 'post_office_manager', orgUnitId: agent.office.id });
  manager = await login(app, boss.username, boss.password);
});
afterAll(() => app.close());

const enrolled = (overrides: Record<string, unknown> = {}) =>
  enrollThrough(app, session, { communeCode: agent.communes[0]!, categories: ['other'], ...overrides });

const pay = (s: Session, id: number, body: Record<string, unknown>) => payThrough(app, s, id, body);
const voidReceipt = (number: string, reason: string) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/receipts/${number}/void`,
    headers: manager.headers,
    payload: { reason },
  });

describe('voiding a receipt', () => {
  it("is a supervisor's act: the agent gets 403", async () => {
    const person = await enrolled();
    const paid = await pay(session, person.id, { mode: 'monthly', method: 'cash', amount: 264_000 });
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/receipts/${paid.json().receipt.number}/void`,
      headers: session.headers,
      payload: { reason: 'Thu nhầm' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('keeps the receipt, marks it voided and reverses its effects; only the latest can be voided', async () => {
    const person = await enrolled();
    const first = (
      await pay(session, person.id, { mode: 'monthly', method: 'cash', amount: 264_000 })
    ).json();
    const second = (
      await pay(session, person.id, { mode: 'monthly', method: 'cash', amount: 264_000 })
    ).json();
    const tooEarly = await app.inject({
      method: 'POST',
      url: `/api/v1/receipts/${first.receipt.number}/void`,
      headers: manager.headers,
      payload: { reason: 'Nhầm người' },
    });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.message).toContain(second.receipt.number);

    const voided = await app.inject({
      method: 'POST',
      url: `/api/v1/receipts/${second.receipt.number}/void`,
      headers: manager.headers,
      payload: { reason: 'Thu trùng tháng' },
    });
    expect(voided.statusCode).toBe(200);
    expect(voided.json()).toMatchObject({
      number: second.receipt.number,
      voided: { reason: 'Thu trùng tháng' },
    });
    const enrollment = await t.db
      .selectFrom('vsi_enrollment')
      .selectAll()
      .where('participant_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(enrollment).toMatchObject({
      paid_through: '2026-03-01',
      supported_months_used: 1,
      months_paid: 1,
    });
    const cash = await t.db
      .selectFrom('cash_entry')
      .selectAll()
      .where('reference', '=', second.receipt.number)
      .orderBy('id')
      .execute();
    expect(cash.map((c) => [c.kind, Number(c.amount)])).toEqual([
      ['collection', 264_000],
      ['void', -264_000],
    ]);
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/receipts/${second.receipt.number}/void`,
      headers: manager.headers,
      payload: { reason: 'Lần nữa' },
    });
    expect(again.statusCode).toBe(409);
    expect(
      await t.db.selectFrom('receipt').select('id').where('number', '=', second.receipt.number).execute(),
    ).toHaveLength(1);
  });

  it('reverses the months of an ended enrollment but keeps it ended, from the same date', async () => {
    const person = await enrolled();
    await pay(session, person.id, { mode: 'monthly', method: 'cash', amount: 264_000 });
    const second = (
      await pay(session, person.id, { mode: 'monthly', method: 'cash', amount: 264_000 })
    ).json();
    const ended = await app.inject({
      method: 'POST',
      url: `/api/v1/participants/${person.id}/end`,
      headers: manager.headers,
      payload: { status: 'deceased', onDate: '2026-03-01' },
    });
    expect(ended.statusCode, ended.body).toBe(200);

    const voided = await voidReceipt(second.receipt.number, 'Người nhà đóng nhầm sau khi mất');
    expect(voided.statusCode, voided.body).toBe(200);
    const enrollment = await t.db
      .selectFrom('vsi_enrollment')
      .selectAll()
      .where('participant_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(enrollment).toMatchObject({
      status: 'deceased',
      status_since: '2026-03-01',
      due_date: null,
      paid_through: '2026-03-01',
      months_paid: 1,
      supported_months_used: 1,
    });
    const changes = await t.db
      .selectFrom('status_change')
      .select(['from_status', 'to_status'])
      .where('enrollment_id', '=', enrollment.id)
      .orderBy('id')
      .execute();
    expect(changes.at(-1)).toEqual({ from_status: 'active', to_status: 'deceased' });
  });
});
