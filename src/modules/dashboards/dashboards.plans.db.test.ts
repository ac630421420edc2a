import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildOrgUnit } from '../../../test/factories.ts';
import type { DB } from '../../db/schema.ts';
import { createDashboardsRepository } from './dashboards.repository.ts';

/**
 * The unit and commune dashboards read the commune roll-up through its campaign × commune × day
 * index (migration 0013). With every commune of the country on the roll-up, the plans the
 * repository's own queries get must use it, not scan the table.
 */
const t = setupTestDatabase();
let pool: pg.Pool;
let logged: Kysely<DB>;
const captured: { sql: string; parameters: readonly unknown[] }[] = [];
let unitPath: string;
let commune: string;

beforeAll(async () => {
  // Ten days of three campaigns in every commune: some 100,000 rows.
  await sql`insert into stat_commune_day (day, campaign_id, product, channel, province_code, commune_code,
                                          enrollments, first_payments, payments, amount)
            select d::date, c, 'vsi', 'door_to_door', m.province_code, m.code, 3, 1, 2, 900000
            from generate_series(1, 3) c, generate_series('2026-05-01'::date, '2026-05-10', '1 day') d, commune m`.execute(
    t.db,
  );
  await sql`analyze stat_commune_day`.execute(t.db);
  const office = await buildOrgUnit(t.db, { kind: 'post_office', province: '01' });
  unitPath = office.path;
  commune = office.communes[0]!;
  pool = new pg.Pool({ connectionString: t.url, max: 1 });
  logged = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      if (e.level === 'query') captured.push({ sql: e.query.sql, parameters: e.query.parameters });
    },
  });
});
afterAll(() => logged.destroy());

/** The plans of the queries a call makes. */
async function plansOf(run: () => Promise<unknown>): Promise<string[]> {
  captured.length = 0;
  await run();
  const plans: string[] = [];
  for (const q of captured) {
    const plan = await pool.query(`explain ${q.sql}`, q.parameters as unknown[]);
    plans.push(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  return plans;
}

describe('the dashboard below the province', () => {
  it('reads a unit’s and a commune’s totals and trend through the commune index', async () => {
    const repo = createDashboardsRepository(logged);
    const calls = [
      () => repo.totals(2, ['vsi', 'hhi'], { kind: 'unit', path: unitPath }),
      () => repo.trend(2, ['vsi', 'hhi'], { kind: 'unit', path: unitPath }),
      () => repo.totals(2, ['vsi'], { kind: 'commune', code: commune }),
      () => repo.trend(2, ['vsi'], { kind: 'commune', code: commune }),
    ];
    for (const call of calls) {
      const [plan] = await plansOf(call);
      expect(plan).toContain('stat_commune_day_commune_idx');
      expect(plan).not.toMatch(/Seq Scan on stat_commune_day/);
    }
    // And the figures are the rows' sum: ten days of three people in each of the unit's communes.
    expect((await repo.totals(2, ['vsi'], { kind: 'commune', code: commune })).enrollments).toBe(30);
  });
});
