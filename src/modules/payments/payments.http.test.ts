import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildUser, enrollBody } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-03-02T08:00:00+07:00');
let app: App;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let session: Session;
let manager: Session;
let outsider: Session;

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  agent = await buildAgent(t.db, { province: '33' });
  session = await login(app, agent.username, agent.password);
  const boss = await buildUser(t.db, { role: 'post_office_manager', orgUnitId: agent.office.id });
  manager = await login(app, boss.username, boss.password);
  const other = await buildAgent(t.db, { province: '79' });
  outsider = await login(app, other.username, other.password);
});
afterAll(() => app.close());

async function enrolled(overrides: Record<string, unknown> = {}) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/participants',
    headers: session.headers,
    payload: enrollBody({ communeCode: agent.communes[0]!, categories: ['other'], ...overrides }),
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: number; personalId: string };
}

const pay = (s: Session, id: number, body: Record<string, unknown>) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/participants/${id}/payments`,
    headers: s.headers,
    payload: body,
  });
const quote = (id: number, body: Record<string, unknown>) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/participants/${id}/payment-quote`,
    headers: session.headers,
    payload: body,
  });

describe('taking a VSI payment', () => {
  it('refuses an amount other than the quote, showing the amount due', async () => {
    const person = await enrolled();
    const response = await pay(session, person.id, { mode: 'quarterly', method: 'cash', amount: 800_000 });
    expect(response.statusCode).toBe(409);
    // Hưng Yên has no top-up: 3 × (330,000 − 66,000).
    expect(response.json().error).toMatchObject({ code: 'payment.amount_mismatch', field: 'amount' });
    expect(response.json().error.message).toMatch(/^Số tiền 800\.000 đ khác số phải thu 792\.000 đ/);
    expect(
      await t.db.selectFrom('payment').select('id').where('participant_id', '=', person.id).execute(),
    ).toEqual([]);
  });

  it('writes the payment, its receipt, the covered months, the supported months, the status and the cash, together', async () => {
    const person = await enrolled();
    const priced = await quote(person.id, { mode: 'quarterly' });
    expect(priced.json()).toMatchObject({
      period: { from: '2026-03', to: '2026-05', months: 3, gap: 0 },
      quote: { total: 792_000 },
    });

    const response = await pay(session, person.id, { mode: 'quarterly', method: 'cash', amount: 792_000 });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      payment: {
        months: 3,
        amount: 792_000,
        method: 'cash',
        paidOn: '2026-03-02',
        period: { from: '2026-03', to: '2026-05' },
      },
      paidThrough: '2026-05',
      status: 'active',
      dueDate: '2026-08-31',
    });
    expect(body.receipt.number).toMatch(/^BL-\d{8}$/);

    const enrollment = await t.db
      .selectFrom('vsi_enrollment')
      .selectAll()
      .where('participant_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(enrollment).toMatchObject({
      paid_through: '2026-05-01',
      status: 'active',
      supported_months_used: 3,
      months_paid: 3,
      payment_mode: 'quarterly',
    });
    const receipt = await t.db
      .selectFrom('receipt')
      .selectAll()
      .where('number', '=', body.receipt.number)
      .executeTakeFirstOrThrow();
    expect(Number(receipt.amount)).toBe(792_000);
    const cash = await t.db
      .selectFrom('cash_entry')
      .selectAll()
      .where('reference', '=', body.receipt.number)
      .executeTakeFirstOrThrow();
    expect(cash).toMatchObject({ kind: 'collection', agent_user_id: agent.id });
    expect(Number(cash.amount)).toBe(792_000);
    const payment = await t.db
      .selectFrom('payment')
      .selectAll()
      .where('id', '=', body.payment.id)
      .executeTakeFirstOrThrow();
    expect(payment.rule_version).toMatch(/^2026-01-01\./);
    const version = await t.db
      .selectFrom('law_rule_set')
      .select('id')
      .where('id', '=', payment.rule_version)
      .executeTakeFirst();
    expect(version).toBeDefined();
  });

  it("continues from the months already paid, numbering receipts from the agent's series", async () => {
    const person = await enrolled();
    const first = await pay(session, person.id, {
      mode: 'monthly',
      method: 'bank_transfer',
      amount: 264_000,
    });
    const second = await pay(session, person.id, { mode: 'monthly', method: 'vietqr', amount: 264_000 });
    expect(second.json().payment.period).toEqual({ from: '2026-04', to: '2026-04', months: 1, gap: 0 });
    const n = (r: typeof first) => Number(r.json().receipt.number.slice(3));
    expect(n(second)).toBe(n(first) + 1);
    // Transfers go straight to the fund: the agent holds no cash for them.
    const cash = await t.db
      .selectFrom('cash_entry')
      .select('id')
      .where('payment_id', 'in', [first.json().payment.id, second.json().payment.id])
      .execute();
    expect(cash).toEqual([]);
  });

  it('prices an advance of 12 months with the fund rate, discounted, rounded once', async () => {
    const person = await enrolled();
    const response = await quote(person.id, { mode: 'advance', months: 12, fundRate: 0.006583 });
    const q = response.json().quote;
    expect(q.months).toBe(12);
    expect(q.total).toBeLessThan(12 * 264_000);
    expect(q.total).toBeGreaterThan(11 * 264_000);
    const paid = await pay(session, person.id, {
      mode: 'advance',
      months: 12,
      fundRate: 0.006583,
      method: 'cash',
      amount: q.total,
    });
    expect(paid.json().paidThrough).toBe('2027-02');
  });

  it('restarts after a lapse and offers the skipped months as a catch-up with interest', async () => {
    const person = await enrolled({ startMonth: '2026-03' });
    await pay(session, person.id, { mode: 'monthly', method: 'cash', amount: 264_000 });
    clock.set('2026-06-10T09:00:00+07:00');
    // Sessions last 12 hours: three months later everyone signs in again.
    const boss = await buildUser(t.db, { role: 'post_office_manager', orgUnitId: agent.office.id });
    const managerNow = await login(app, boss.username, boss.password);
    const sessionBefore = session;
    session = await login(app, agent.username, agent.password);
    try {
      const job = await app.inject({
        method: 'POST',
        url: '/api/v1/jobs/daily',
        headers: managerNow.headers,
        payload: {},
      });
      expect(job.statusCode, job.body).toBe(200);
      const status = await t.db
        .selectFrom('vsi_enrollment')
        .select('status')
        .where('participant_id', '=', person.id)
        .executeTakeFirstOrThrow();
      expect(status.status).toBe('lapsed');

      const catchUp = await quote(person.id, { mode: 'catch_up', fundRate: 0.005 });
      expect(catchUp.json().period).toEqual({ from: '2026-04', to: '2026-05', months: 2, gap: 0 });
      // Two months of full contributions (no support), compounded: 330,000 × (1.005 + 1.005²).
      expect(catchUp.json().quote.total).toBe(Math.round(330_000 * (1.005 + 1.005 ** 2)));

      const resume = await quote(person.id, { mode: 'monthly' });
      expect(resume.json().period).toEqual({ from: '2026-06', to: '2026-06', months: 1, gap: 2 });
      const paid = await pay(session, person.id, { mode: 'monthly', method: 'cash', amount: 264_000 });
      expect(paid.json()).toMatchObject({ status: 'reactivated', paidThrough: '2026-06' });
    } finally {
      clock.set('2026-03-02T08:00:00+07:00');
      session = sessionBefore;
    }
  });
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
});

describe('region scope on payments and receipts', () => {
  it('hides every participant, payment and receipt of another province', async () => {
    const person = await enrolled();
    const paid = (await pay(session, person.id, { mode: 'monthly', method: 'cash', amount: 264_000 })).json();
    const number = paid.receipt.number;
    const attempts = await Promise.all([
      app.inject({ method: 'GET', url: `/api/v1/participants/${person.id}`, headers: outsider.headers }),
      pay(outsider, person.id, { mode: 'monthly', method: 'cash', amount: 264_000 }),
      app.inject({
        method: 'POST',
        url: `/api/v1/participants/${person.id}/payment-quote`,
        headers: outsider.headers,
        payload: { mode: 'monthly' },
      }),
      app.inject({ method: 'GET', url: `/api/v1/receipts/${number}`, headers: outsider.headers }),
      app.inject({ method: 'GET', url: `/api/v1/receipts/${number}.pdf`, headers: outsider.headers }),
      app.inject({ method: 'GET', url: `/api/v1/receipts/${number}.html`, headers: outsider.headers }),
    ]);
    expect(attempts.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
  });
});

describe('receipt numbers for offline devices', () => {
  it('hands a block to a device, accepts its numbers once, and refuses numbers outside it', async () => {
    const block = await app.inject({
      method: 'POST',
      url: '/api/v1/receipt-series',
      headers: session.headers,
      payload: { device: 'Điện thoại Hoa', size: 50 },
    });
    expect(block.statusCode).toBe(201);
    const { first, last } = block.json();
    expect(last).toBe(first.replace(/\d+$/, (d: string) => String(Number(d) + 49).padStart(d.length, '0')));
    const person = await enrolled();
    const ok = await pay(session, person.id, {
      mode: 'monthly',
      method: 'cash',
      amount: 264_000,
      receiptNumber: first,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().receipt.number).toBe(first);
    const reused = await pay(session, person.id, {
      mode: 'monthly',
      method: 'cash',
      amount: 264_000,
      receiptNumber: first,
    });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('payment.receipt_number_unavailable');
    const foreign = await pay(session, person.id, {
      mode: 'monthly',
      method: 'cash',
      amount: 264_000,
      receiptNumber: 'BL-99999999',
    });
    expect(foreign.statusCode).toBe(409);
  });
});
