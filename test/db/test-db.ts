import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { connect, type Db } from '../../src/db/database.ts';
import { withDatabase } from './global-setup.ts';

export interface TestDatabase {
  db: Db;
  url: string;
}

/** A fresh database for this test file, cloned from the migrated template; dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase & { drop(): Promise<void> }> {
  const { adminUrl, template, prefix } = inject('testDb');
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const db = connect(url, { max: 10 });
  return {
    db,
    url,
    async drop() {
      await db.destroy();
      const client = new pg.Client(adminUrl);
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Registers the per-file database with the file's hooks and returns it once ready. */
export function setupTestDatabase(): TestDatabase {
  const handle = {} as TestDatabase;
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const created = await createTestDatabase();
    handle.db = created.db;
    handle.url = created.url;
    drop = created.drop;
  });
  afterAll(async () => {
    await drop();
  });
  return handle;
}
