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

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  agent = await buildAgent(t.db, { province: '38' });
  session = await login(app, agent.username, agent.password);
  const boss = await buildUser(t.db, { role: 'post_office_manager', orgUnitId: agent.office.id });
  manager = await login(app, boss.username, boss.password);
  await t.db
    .insertInto('commission_rate')
    .values({
      product: 'vsi',
      rate: 0.04,
      valid_from: '2026-01-01',
      valid_to: null,
      basis: 'Tỷ lệ minh họa',
      is_demo: true,
    })
    .execute();
  for (let i = 0; i < 3; i++) {
    const person = await app.inject({
      method: 'POST',
      url: '/api/v1/participants',
      headers: session.headers,
      payload: enrollBody({ communeCode: agent.communes[0]!, categories: ['other'] }),
    });
    await app.inject({
      method: 'POST',
      url: `/api/v1/participants/${person.json().id}/payments`,
      headers: session.headers,
      payload: { mode: 'monthly', method: i === 2 ? 'vietqr' : 'cash', amount: 264_000 },
    });
  }
});
afterAll(() => app.close());

const ledger = (s: Session, agentUserId?: number) =>
  app.inject({
    method: 'GET',
    url: `/api/v1/cash/ledger${agentUserId ? `?agentUserId=${agentUserId}` : ''}`,
    headers: s.headers,
  });

describe("the agent's cash", () => {
  it('holds what was collected in cash, not what was transferred', async () => {
    const response = await ledger(session);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      balance: 528_000,
      collected: 528_000,
      remitted: 0,
      overdue: 0,
      total: 2,
    });
  });

  it('shows cash held past the next day as overdue', async () => {
    clock.set('2026-03-04T08:00:00+07:00');
    try {
      const fresh = await login(app, agent.username, agent.password);
      expect((await ledger(fresh)).json().overdue).toBe(528_000);
    } finally {
      clock.set('2026-03-02T08:00:00+07:00');
    }
  });

  it('lets the manager record a remittance, never more than held', async () => {
    const tooMuch = await app.inject({
      method: 'POST',
      url: '/api/v1/cash/remittances',
      headers: manager.headers,
      payload: { agentUserId: agent.id, amount: 600_000 },
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.message).toBe(
      'Số tiền nộp 600.000 đ lớn hơn số tiền nhân viên đang giữ (528.000 đ).',
    );
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/cash/remittances',
      headers: manager.headers,
      payload: { agentUserId: agent.id, amount: 500_000, reference: 'PT-0001' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ balance: 28_000, remitted: 500_000 });
    const holders = await app.inject({
      method: 'GET',
      url: '/api/v1/cash/holders',
      headers: manager.headers,
    });
    expect(holders.json().items).toEqual([
      expect.objectContaining({ agentUserId: agent.id, balance: 28_000 }),
    ]);
  });

  it('serialises remittances: of five at once for the whole balance, exactly one is recorded', async () => {
    // Another province, so the statements below see only the first agent's receipts.
    const other = await buildAgent(t.db, { province: '42' });
    const otherSession = await login(app, other.username, other.password);
    const boss = await buildUser(t.db, { role: 'post_office_manager', orgUnitId: other.office.id });
    const bossSession = await login(app, boss.username, boss.password);
    const person = await app.inject({
      method: 'POST',
      url: '/api/v1/participants',
      headers: otherSession.headers,
      payload: enrollBody({ communeCode: other.communes[0]!, categories: ['other'] }),
    });
    const paid = await app.inject({
      method: 'POST',
      url: `/api/v1/participants/${person.json().id}/payments`,
      headers: otherSession.headers,
      payload: { mode: 'monthly', method: 'cash', amount: 264_000 },
    });
    expect(paid.statusCode, paid.body).toBe(201);

    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/cash/remittances',
          headers: bossSession.headers,
          payload: { agentUserId: other.id, amount: 264_000 },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400, 400, 400, 400]);
    for (const refused of answers.filter((a) => a.statusCode === 400)) {
      expect(refused.json().error).toMatchObject({
        code: 'cash.more_than_held',
        message: 'Số tiền nộp 264.000 đ lớn hơn số tiền nhân viên đang giữ (0 đ).',
      });
    }
    expect((await ledger(bossSession, other.id)).json()).toMatchObject({ balance: 0, remitted: 264_000 });
  });

  it('does not let an agent record their own remittance or read another agent', async () => {
    const self = await app.inject({
      method: 'POST',
      url: '/api/v1/cash/remittances',
      headers: session.headers,
      payload: { agentUserId: agent.id, amount: 1 },
    });
    expect(self.statusCode).toBe(403);
    const other = await buildAgent(t.db, { province: '38' });
    expect((await ledger(session, other.id)).statusCode).toBe(404);
  });

  it("states the month's commission at the rate in force, flagging demo rates", async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/commissions?month=2026-03',
      headers: manager.headers,
    });
    expect(response.json().items).toEqual([
      expect.objectContaining({
        id: agent.id,
        product: 'vsi',
        receipts: 3,
        collected: 792_000,
        commission: 31_680,
        demoRate: true,
      }),
    ]);
  });
});

describe('commission rates', () => {
  const setRate = (s: Session, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/v1/commission-rates', headers: s.headers, payload });

  it('are set by administrators from a future date, closing the rate before, never rewriting the past', async () => {
    const admin = await buildUser(t.db, { role: 'system_admin' });
    const adminSession = await login(app, admin.username, admin.password);
    expect(
      (await setRate(manager, { product: 'vsi', rate: 0.05, validFrom: '2026-04-01', basis: 'QĐ 1' }))
        .statusCode,
    ).toBe(403);

    const past = await setRate(adminSession, {
      product: 'vsi',
      rate: 0.05,
      validFrom: '2026-03-01',
      basis: 'QĐ 1234',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ code: 'commission.in_past', field: 'validFrom' });

    const set = await setRate(adminSession, {
      product: 'vsi',
      rate: 0.05,
      validFrom: '2026-04-01',
      basis: 'QĐ 1234/QĐ-BHXH',
    });
    expect(set.statusCode, set.body).toBe(201);
    const vsi = set.json().items.filter((r: { product: string }) => r.product === 'vsi');
    expect(
      vsi.map((r: { rate: number; validFrom: string; validTo: string | null }) => [
        r.rate,
        r.validFrom,
        r.validTo,
      ]),
    ).toEqual([
      [0.05, '2026-04-01', null],
      [0.04, '2026-01-01', '2026-03-31'],
    ]);
    const overlap = await setRate(adminSession, {
      product: 'vsi',
      rate: 0.06,
      validFrom: '2026-03-15',
      basis: 'QĐ khác',
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.code).toBe('commission.overlap');

    // March stays at 4%.
    const march = await app.inject({
      method: 'GET',
      url: '/api/v1/commissions?month=2026-03',
      headers: manager.headers,
    });
    expect(march.json().items[0]).toMatchObject({ commission: 31_680 });
    const audited = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'commission_rate')
      .where('actor_user_id', '=', admin.id)
      .execute();
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });
});
