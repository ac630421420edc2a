import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { runningEmbeddedUrl, startEmbeddedPostgres } from './embedded.ts';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;

// Dates stay 'YYYY-MM-DD' strings (no time-zone shifts); counts in bigint columns fit in a double.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export interface Database {
  db: Db;
  url: string;
  /** 'embedded' or the external server's host, for the start banner. */
  where: string;
  close(): Promise<void>;
}

/** This process's connections, by name, so that it can cancel its own work and nobody else's. */
const APPLICATION_NAME = `diemtua:${process.pid}`;

export function connect(url: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 20,
    application_name: APPLICATION_NAME,
  });
  // An idle client losing its server (e.g. during shutdown) must not crash the process.
  pool.on('error', () => {});
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Closes the pool. Background work still running (the demo generator, a daily job) would hold it
 * open until it finished: its queries are cancelled first. Each runs in a transaction and resumes on
 * the next start, so nothing is left half-written.
 */
export async function closeDatabase(db: Db): Promise<void> {
  await sql`select pg_cancel_backend(pid) from pg_stat_activity
            where application_name = ${APPLICATION_NAME} and pid <> pg_backend_pid() and state <> 'idle'`
    .execute(db)
    .catch(() => {});
  await db.destroy();
}

/** The external server when DATABASE_URL is set, else the embedded one under DATA_DIR. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  log: (message: string) => void = () => {},
  options: { shareRunning?: boolean } = {},
): Promise<Database> {
  const running =
    !config.databaseUrl && options.shareRunning ? runningEmbeddedUrl(config.dataDir, 'diemtua') : null;
  if (running) {
    const db = connect(running, { max: 4 });
    return {
      db,
      url: running,
      where: 'embedded (shared with the running app)',
      close: () => closeDatabase(db),
    };
  }
  if (config.databaseUrl) {
    const db = connect(config.databaseUrl);
    await assertServerVersion(db);
    return {
      db,
      url: config.databaseUrl,
      where: new URL(config.databaseUrl).host,
      close: () => closeDatabase(db),
    };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log });
  try {
    await ensureDatabase(embedded.url('postgres'), 'diemtua');
    const url = embedded.url('diemtua');
    const db = connect(url);
    return {
      db,
      url,
      where: `embedded, port ${embedded.port}`,
      async close() {
        await closeDatabase(db);
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const from = template ? ` template ${client.escapeIdentifier(template)}` : '';
      await client.query(`create database ${client.escapeIdentifier(name)}${from}`);
    }
  } finally {
    await client.end();
  }
}

async function assertServerVersion(db: Db): Promise<void> {
  const { rows } = await sql<{ v: number }>`select current_setting('server_version_num')::int as v`.execute(
    db,
  );
  const version = rows[0]?.v ?? 0;
  if (version < 150000) {
    throw new Error(`Cần PostgreSQL 15 trở lên; máy chủ đang chạy phiên bản ${version}.`);
  }
}
