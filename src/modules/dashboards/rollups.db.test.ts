import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildUser, enrollBody, personalIdFor } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import { createRuleBook } from '../../domain/law/index.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';
import { bulkLoad } from '../demo/demo.bulk.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-03-02T08:00:00+07:00');
let app: App;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let session: Session;
let manager: Session;
let boss: Awaited<ReturnType<typeof buildUser>>;

const ROLLUPS = [
  'stat_commune_day',
  'stat_province_day',
  'stat_unit',
  'stat_agent',
  'stat_funnel',
  'stat_coverage_month',
] as const;

/** Every roll-up as sorted rows without zero rows, so two ways of computing them compare equal. */
async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const table of ROLLUPS) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.db);
    out[table] = rows.rows
      .filter((r) =>
        Object.entries(r).some(([k, v]) => typeof v === 'number' && v !== 0 && !k.endsWith('_id')),
      )
      .map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))))
      .sort();
  }
  return out;
}

const call = (s: Session, url: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers, payload });

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  agent = await buildAgent(t.db, { province: '40' });
  session = await login(app, agent.username, agent.password);
  boss = await buildUser(t.db, { role: 'post_office_manager', orgUnitId: agent.office.id });
  manager = await login(app, boss.username, boss.password);
});
afterAll(() => app.close());

describe('the roll-ups the dashboards read', () => {
  it('kept live by the transactions, equal what a rebuild from the base tables gives', async () => {
    // Two people: one pays a quarter, then another; the other pays and has the receipt voided.
    const ids: number[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await call(
        session,
        '/participants',
        enrollBody({ communeCode: agent.communes[0]!, categories: ['other'] }),
      );
      expect(r.statusCode, r.body).toBe(201);
      ids.push(r.json().id);
    }
    const pay = async (id: number) => {
      const quote = await call(session, `/participants/${id}/payment-quote`, { mode: 'quarterly' });
      expect(quote.statusCode, quote.body).toBe(200);
      const paid = await call(session, `/participants/${id}/payments`, {
        mode: 'quarterly',
        method: 'cash',
        amount: quote.json().quote.total,
      });
      expect(paid.statusCode, paid.body).toBe(201);
      return paid.json().receipt.number as string;
    };
    await pay(ids[0]!);
    clock.set('2026-04-20T08:00:00+07:00');
    // Sessions do not outlive seven weeks.
    session = await login(app, agent.username, agent.password);
    manager = await login(app, boss.username, boss.password);
    await pay(ids[0]!);
    const voided = await pay(ids[1]!);
    const v = await call(manager, `/receipts/${voided}/void`, { reason: 'Thu nhầm người' });
    expect(v.statusCode, v.body).toBe(200);

    // A household of three pays a year; one member leaves.
    const household = await call(session, '/households', {
      communeCode: agent.communes[0],
      address: 'Xóm 1',
      paymentMonths: 12,
      members: [
        {
          personalId: personalIdFor({ birthDate: '1970-02-01', sex: 'M', province: '040' }),
          fullName: 'Hồ Văn Tâm',
          birthDate: '1970-02-01',
          sex: 'M',
        },
        {
          personalId: personalIdFor({ birthDate: '1972-05-05', sex: 'F', province: '040' }),
          fullName: 'Lê Thị Hạnh',
          birthDate: '1972-05-05',
          sex: 'F',
        },
        {
          personalId: personalIdFor({ birthDate: '2001-09-09', sex: 'F', province: '040' }),
          fullName: 'Hồ Thị Mai',
          birthDate: '2001-09-09',
          sex: 'F',
        },
      ],
    });
    expect(household.statusCode, household.body).toBe(201);
    const h = household.json();
    const hp = await call(session, `/households/${h.id}/payments`, {
      method: 'cash',
      amount: h.nextPayment.total,
    });
    expect(hp.statusCode, hp.body).toBe(201);

    const live = await snapshot();
    expect(live.stat_coverage_month!.length).toBeGreaterThan(0);
    expect(live.stat_province_day!.length).toBeGreaterThan(0);
    await sql`select stats_rebuild_all()`.execute(t.db);
    expect(await snapshot()).toEqual(live);
  });

  it('counts a voluntary participant in each month paid, and a household member to the card’s last month', async () => {
    const months = await t.db
      .selectFrom('stat_coverage_month')
      .select(['month', 'vsi', 'hhi'])
      .where('province_code', '=', '40')
      .orderBy('month')
      .execute();
    const at = (m: string) => months.find((r) => r.month === m) ?? { vsi: 0, hhi: 0 };
    // The first person paid March–May, then June–August; the second's payment was voided.
    expect(at('2026-03-01').vsi).toBe(1);
    expect(at('2026-08-01').vsi).toBe(1);
    expect(at('2026-09-01').vsi).toBe(0);
    expect(at('2026-05-01').hhi).toBe(3);
  });

  it('are rebuilt after a bulk load, which skips their per-row triggers', async () => {
    await bulkLoad(t.db, [{ date: '2025-06-10', vsi: 40, hhi: 10 }], {
      today: '2026-04-20',
      book: createRuleBook(),
      seed: 0.5,
    });
    const loaded = await snapshot();
    const enrolled = await t.db
      .selectFrom('stat_province_day')
      .select((eb) => eb.fn.sum<number>('enrollments').as('n'))
      .where('product', '=', 'vsi')
      .executeTakeFirstOrThrow();
    const base = await t.db
      .selectFrom('vsi_enrollment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(enrolled.n)).toBe(Number(base.n));
    await sql`select stats_rebuild_all()`.execute(t.db);
    expect(await snapshot()).toEqual(loaded);
  });
});
