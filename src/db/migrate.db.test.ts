import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../test/db/test-db.ts';
import { migrate } from './migrate.ts';

const t = setupTestDatabase();

// Runs on the embedded server by default and on PostgreSQL 15 when TEST_DATABASE_URL points there.
describe('migrations', () => {
  it('have been applied in order and applying again changes nothing', async () => {
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      t.db,
    );
    expect(applied.rows.map((r) => r.name)[0]).toBe('0001_foundation');
    expect(await migrate(t.db)).toEqual({ applied: [] });
  });

  it('run on PostgreSQL 15 or later', async () => {
    const { rows } = await sql<{ v: number }>`select current_setting('server_version_num')::int as v`.execute(
      t.db,
    );
    expect(rows[0]!.v).toBeGreaterThanOrEqual(150000);
  });

  it('create every table the code expects', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public'`.execute(t.db);
    const tables = rows.map((r) => r.table_name);
    for (const table of [
      'province',
      'commune',
      'legacy_unit',
      'org_unit',
      'app_user',
      'user_session',
      'api_token',
      'audit_log',
      'denominator',
    ]) {
      expect(tables).toContain(table);
    }
  });
});
