import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../../src/db/database.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedBaseOrgs } from '../../src/modules/orgs/orgs.seed.ts';
import { createRulesService } from '../../src/modules/rules/rules.service.ts';
import { importUnits } from '../../src/modules/units/units.import.ts';
import { fixedClock } from '../../src/platform/clock.ts';

/**
 * Once per run: a PostgreSQL server (TEST_DATABASE_URL, else a throwaway embedded one) and a
 * template database with migrations, the map of Vietnam and the base organisations. Each test file
 * clones the template into a database of its own and drops it at the end.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { adminUrl: string; template: string; prefix: string };
  }
}

export default async function setup(project: TestProject) {
  const run = randomBytes(4).toString('hex');
  const prefix = `diemtua_test_${run}`;
  const template = `${prefix}_template`;
  let embedded: EmbeddedPostgres | null = null;
  let tmp: string | null = null;
  let adminUrl = process.env.TEST_DATABASE_URL;

  if (!adminUrl) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diemtua-test-'));
    fs.chmodSync(tmp, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: tmp, ephemeral: true, port: 55432 });
    adminUrl = embedded.url('postgres');
  }

  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`create database ${template}`);
  await admin.end();

  const templateUrl = withDatabase(adminUrl, template);
  const db = connect(templateUrl, { max: 2 });
  await migrate(db);
  await importUnits(db);
  await seedBaseOrgs(db, fixedClock('2026-01-01T00:00:00Z'));
  await createRulesService({ db, clock: fixedClock('2026-01-01T00:00:00Z') }).ensureSeeded();
  await db.destroy();

  project.provide('testDb', { adminUrl, template, prefix });

  return async () => {
    const client = new pg.Client(adminUrl);
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists ${client.escapeIdentifier(datname)} with (force)`);
    }
    await client.end();
    await embedded?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
