import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildUser } from '../../../test/factories.ts';
import {
  buildApp,
  centralOfficer,
  enrollThrough,
  login,
  payThrough,
  type Session,
} from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-03-02T08:00:00+07:00');
let app: App;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let session: Session;
let outsider: Session;

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  agent = await buildAgent(t.db, { province: '33' });
  session = await login(app, agent.username, agent.password);
  const other = await buildAgent(t.db, { province: '79' });
  outsider = await login(app, other.username, other.password);
});
afterAll(() => app.close());

const enrolled = (overrides: Record<string, unknown> = {}) =>
  enrollThrough(app, session, { communeCode: agent.communes[0]!, categories: ['other'], ...overrides });

const pay = (s: Session, id: number, body: Record<string, unknown>) => payThrough(app, s, id, body);
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
    // Sessions last 12 hours: three months later everyone signs in again. The daily job is the
    // centre's to run by hand.
    const centralNow = await centralOfficer(app, t.db);
    const sessionBefore = session;
    session = await login(app, agent.username, agent.password);
    try {
      const job = await app.inject({
        method: 'POST',
        url: '/api/v1/jobs/daily',
        headers: centralNow.headers,
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

describe('catching up and paying back missing years', () => {
  it('charges interest on skipped months only once the person has stopped paying', async () => {
    const person = await enrolled({ startMonth: '2026-03' });
    const early = await quote(person.id, { mode: 'catch_up', fundRate: 0.005 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('payment.catch_up_not_lapsed');
    expect(early.json().error.message).toMatch(/^Chỉ đóng bù có lãi khi đã dừng đóng/);
  });

  it('refuses back payment before retirement age, naming the month it is reached', async () => {
    const person = await enrolled({ birthDate: '1985-06-15' });
    const response = await quote(person.id, { mode: 'backpay', months: 12, fundRate: 0.005 });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'payment.backpay_before_retirement' });
    expect(response.json().error.message).toContain('vào tháng 06/2045');
  });

  it('takes back payment at retirement age for the months still missing, compounded, with no support', async () => {
    // A man born in January 1960 reached 60 in January 2020: retired, with 13 years paid.
    const person = await enrolled({ birthDate: '1960-01-20', sex: 'M', categories: ['poor'] });
    await t.db
      .updateTable('vsi_enrollment')
      .set({ months_paid: 156 })
      .where('participant_id', '=', person.id)
      .execute();
    const tooMany = await quote(person.id, { mode: 'backpay', months: 30, fundRate: 0.005 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error).toMatchObject({ code: 'payment.backpay_too_many', field: 'months' });
    expect(tooMany.json().error.message).toBe('Chỉ còn thiếu 24 tháng để đủ 15 năm; không đóng 30 tháng.');

    const priced = await quote(person.id, { mode: 'backpay', months: 24, fundRate: 0.005 });
    expect(priced.statusCode, priced.body).toBe(200);
    let expected = 0;
    for (let i = 1; i <= 24; i++) expected += 330_000 * 1.005 ** i;
    expect(priced.json().quote).toMatchObject({
      months: 24,
      stateSupportMonthly: 0,
      total: Math.round(expected),
    });
    expect(priced.json().period).toBeNull();

    const paid = await pay(session, person.id, {
      mode: 'backpay',
      months: 24,
      fundRate: 0.005,
      method: 'cash',
      amount: Math.round(expected),
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const receipt = await app.inject({
      method: 'GET',
      url: `/api/v1/receipts/${paid.json().receipt.number}`,
      headers: session.headers,
    });
    expect(receipt.json()).toMatchObject({ coveredFrom: null, coveredTo: null, months: 24 });
    const enrollment = await t.db
      .selectFrom('vsi_enrollment')
      .select(['months_paid', 'paid_through', 'supported_months_used'])
      .where('participant_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(enrollment).toEqual({ months_paid: 180, paid_through: null, supported_months_used: 0 });
    const done = await quote(person.id, { mode: 'backpay', fundRate: 0.005 });
    expect(done.json().error.code).toBe('payment.backpay_nothing_missing');
  });
});

describe('retrying a payment with the same Idempotency-Key', () => {
  const payWithKey = (id: number, key: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/participants/${id}/payments`,
      headers: { ...session.headers, 'idempotency-key': key },
      payload: { mode: 'monthly', method: 'cash', amount: 264_000 },
    });
  const paymentsOf = async (id: number) =>
    (await t.db.selectFrom('payment').select('id').where('participant_id', '=', id).execute()).length;
  const row = (key: string) =>
    t.db.selectFrom('idempotency_key').selectAll().where('key', '=', key).executeTakeFirstOrThrow();

  it('gets the first answer again and takes nothing more', async () => {
    const person = await enrolled();
    const key = `pay-${person.id}-replay`;
    const first = await payWithKey(person.id, key);
    expect(first.statusCode).toBe(201);
    const again = await payWithKey(person.id, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().receipt.number).toBe(first.json().receipt.number);
    expect(await paymentsOf(person.id)).toBe(1);
    expect((await row(key)).committed_at).not.toBeNull();
  });

  it('never takes it twice when the first wrote the payment but died before answering', async () => {
    const person = await enrolled();
    const key = `pay-${person.id}-lost-answer`;
    expect((await payWithKey(person.id, key)).statusCode).toBe(201);
    // As if the process had died between the commit and storing the answer, long ago.
    await t.db
      .updateTable('idempotency_key')
      .set({ status: null, response: null, created_at: new Date('2026-03-01T00:00:00Z') })
      .where('key', '=', key)
      .execute();
    const retry = await payWithKey(person.id, key);
    expect(retry.statusCode).toBe(409);
    expect(retry.json().error.code).toBe('request.already_applied');
    expect(retry.json().error.message).toMatch(/^Thao tác này đã được ghi nhận/);
    expect(await paymentsOf(person.id)).toBe(1);
  });

  it('runs again when the first died before writing anything', async () => {
    const person = await enrolled();
    const key = `pay-${person.id}-died-early`;
    const url = `/api/v1/participants/${person.id}/payments`;
    const body = { mode: 'monthly', method: 'cash', amount: 264_000 };
    // A claim left by a request that never reached its commit, a while ago.
    await t.db
      .insertInto('idempotency_key')
      .values({
        key,
        user_key: `user:${agent.id}`,
        method: 'POST',
        route: '/api/v1/participants/:id/payments',
        request_hash: createHash('sha256')
          .update(`POST ${url}\n${JSON.stringify(body)}`)
          .digest('hex'),
        status: null,
        response: null,
        created_at: new Date('2026-03-01T00:00:00Z'),
        request_id: 'a-request-that-died',
      })
      .execute();
    const retry = await payWithKey(person.id, key);
    expect(retry.statusCode).toBe(201);
    expect(await paymentsOf(person.id)).toBe(1);
    expect((await row(key)).status).toBe(201);
  });
});

describe('the next amount due on a receipt', () => {
  it('is printed on the latest receipt only, never inviting a period already paid', async () => {
    const person = await enrolled();
    const first = (
      await pay(session, person.id, { mode: 'monthly', method: 'cash', amount: 264_000 })
    ).json();
    const second = (
      await pay(session, person.id, { mode: 'monthly', method: 'cash', amount: 264_000 })
    ).json();
    const view = async (number: string) =>
      (
        await app.inject({ method: 'GET', url: `/api/v1/receipts/${number}`, headers: session.headers })
      ).json();
    expect((await view(first.receipt.number)).nextDue).toBeNull();
    expect((await view(second.receipt.number)).nextDue).toMatchObject({ month: '2026-05', amount: 264_000 });
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

    // A supervisor of another province can change, end or void nothing here either.
    const otherBoss = await buildUser(t.db, { role: 'provincial_officer', province: '79' });
    const boss = await login(app, otherBoss.username, otherBoss.password);
    const writes = await Promise.all([
      app.inject({
        method: 'PATCH',
        url: `/api/v1/participants/${person.id}`,
        headers: boss.headers,
        payload: { fullName: 'Đổi Tên Trái Phép' },
      }),
      app.inject({
        method: 'POST',
        url: `/api/v1/participants/${person.id}/end`,
        headers: boss.headers,
        payload: { status: 'deceased', onDate: '2026-03-01' },
      }),
      app.inject({
        method: 'POST',
        url: `/api/v1/receipts/${number}/void`,
        headers: boss.headers,
        payload: { reason: 'Thử hủy biên lai tỉnh khác' },
      }),
    ]);
    expect(writes.map((r) => r.statusCode)).toEqual([404, 404, 404]);
    const still = await t.db
      .selectFrom('participant as p')
      .innerJoin('receipt as r', (j) => j.on('r.number', '=', number))
      .select(['p.full_name', 'p.deceased_on', 'r.voided_at'])
      .where('p.id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(still).toEqual({ full_name: 'Nguyễn Thị Hoa', deceased_on: null, voided_at: null });
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
