import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildUser } from '../../../test/factories.ts';
import { buildApp, enrollThrough, login, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-03-02T08:00:00+07:00');
let app: App;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let session: Session;
let admin: Session;

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  agent = await buildAgent(t.db, { province: '33' });
  session = await login(app, agent.username, agent.password);
  const user = await buildUser(t.db, { role: 'system_admin' });
  admin = await login(app, user.username, user.password);
});
afterAll(() => app.close());

const enrolled = () =>
  enrollThrough(app, session, { communeCode: agent.communes[0]!, categories: ['other'] });
const post = (url: string, payload: Record<string, unknown>, s: Session = session) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload });
const get = (url: string) => app.inject({ method: 'GET', url, headers: session.headers });
const paymentsOf = (participantId: number) =>
  t.db
    .selectFrom('payment')
    .select(['mode', 'fund_rate_entered'])
    .where('participant_id', '=', participantId)
    .orderBy('id')
    .execute();
const ENTERED = 'Lãi suất đầu tư quỹ do người thu nhập: 0,5%/tháng';

describe('the fund rate of an advance, a catch-up or a back payment', () => {
  it('is entered by the collector for a year with no recorded rate, and the receipt and timeline say so', async () => {
    const person = await enrolled();
    const priced = await post(`/api/v1/participants/${person.id}/payment-quote`, {
      mode: 'advance',
      months: 12,
      fundRate: 0.005,
    });
    expect(priced.statusCode, priced.body).toBe(200);
    const paid = await post(`/api/v1/participants/${person.id}/payments`, {
      mode: 'advance',
      months: 12,
      fundRate: 0.005,
      method: 'cash',
      amount: priced.json().quote.total,
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(await paymentsOf(person.id)).toEqual([{ mode: 'advance', fund_rate_entered: 0.005 }]);

    const number = paid.json().receipt.number;
    expect((await get(`/api/v1/receipts/${number}`)).json()).toMatchObject({ fundRateEntered: 0.005 });
    expect((await get(`/api/v1/receipts/${number}.html`)).body).toContain(ENTERED);
    const timeline = (await get(`/api/v1/participants/${person.id}/timeline`)).json().items;
    expect(timeline.find((i: { kind: string }) => i.kind === 'payment').detail).toContain(ENTERED);
  });

  it('is not recorded as entered on an ordinary payment, which uses none', async () => {
    const person = await enrolled();
    const paid = await post(`/api/v1/participants/${person.id}/payments`, {
      mode: 'monthly',
      fundRate: 0.005,
      method: 'cash',
      amount: 264_000,
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(await paymentsOf(person.id)).toEqual([{ mode: 'monthly', fund_rate_entered: null }]);
    const number = paid.json().receipt.number;
    expect((await get(`/api/v1/receipts/${number}`)).json().fundRateEntered).toBeNull();
    expect((await get(`/api/v1/receipts/${number}.html`)).body).not.toContain('do người thu nhập');
  });

  it('cannot differ from a recorded rate: the collector leaves it out', async () => {
    const recorded = await post(
      '/api/v1/rules/parameters',
      {
        key: 'vsi.fund_rate',
        value: 0.0052,
        validFrom: '2026-03-02',
        validTo: '2026-12-31',
        basis: 'Thông báo lãi suất đầu tư quỹ năm 2026 (thử nghiệm)',
        confidence: 'H',
      },
      admin,
    );
    expect(recorded.statusCode, recorded.body).toBe(200);
    const person = await enrolled();

    const refused = await post(`/api/v1/participants/${person.id}/payment-quote`, {
      mode: 'advance',
      months: 12,
      fundRate: 0.005,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({
      code: 'payment.fund_rate_recorded',
      field: 'fundRate',
      message:
        'Lãi suất đầu tư quỹ năm 2026 đã được công bố là 0,52%/tháng; không nhập lãi suất khác (0,5%/tháng). Hãy bỏ trống ô lãi suất để dùng mức đã công bố.',
    });
    const omitted = await post(`/api/v1/participants/${person.id}/payment-quote`, {
      mode: 'advance',
      months: 12,
    });
    expect(omitted.statusCode, omitted.body).toBe(200);
    const total = omitted.json().quote.total;
    const tooLate = await post(`/api/v1/participants/${person.id}/payments`, {
      mode: 'advance',
      months: 12,
      fundRate: 0.005,
      method: 'cash',
      amount: total,
    });
    expect(tooLate.statusCode).toBe(409);
    expect(await paymentsOf(person.id)).toEqual([]);

    // The same rate as recorded is no override: it is accepted and not marked as entered.
    const same = await post(`/api/v1/participants/${person.id}/payments`, {
      mode: 'advance',
      months: 12,
      fundRate: 0.0052,
      method: 'cash',
      amount: total,
    });
    expect(same.statusCode, same.body).toBe(201);
    expect(await paymentsOf(person.id)).toEqual([{ mode: 'advance', fund_rate_entered: null }]);

    // The public calculator keeps its contract: a given rate overrides the recorded one.
    const calc = await app.inject({
      method: 'POST',
      url: '/api/v1/calc/vsi-quote',
      payload: {
        paymentDate: '2026-03-02',
        monthlyIncome: 1_500_000,
        mode: 'advance',
        months: 12,
        fundRate: 0.005,
      },
    });
    expect(calc.statusCode, calc.body).toBe(200);
  });
});
