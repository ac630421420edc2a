import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, type Db, ensureDatabase } from '../../src/db/database.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { migrate } from '../../src/db/migrate.ts';

/**
 * A database for a benchmark: BENCH_DATABASE_URL's server (a database named after the benchmark
 * is created there), else a throwaway embedded server in a temporary directory.
 */
export async function benchDatabase(name: string): Promise<{ db: Db; url: string; close(): Promise<void> }> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    await ensureDatabase(external, name);
    const u = new URL(external);
    u.pathname = `/${name}`;
    const db = connect(u.toString());
    await migrate(db);
    return { db, url: u.toString(), close: () => db.destroy() };
  }
  // BENCH_DATA_DIR keeps the embedded cluster between runs, so a large dataset is generated once.
  const keep = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : null;
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), `diemtua-bench-${name}-`));
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: dir, ephemeral: !keep, port: 56432 });
  await ensureDatabase(server.url('postgres'), name);
  const url = server.url(name);
  const db = connect(url);
  await migrate(db);
  return {
    db,
    url,
    async close() {
      await db.destroy();
      await server.stop();
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
