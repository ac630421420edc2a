import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded.ts';

// The embedded server's life: one process per data directory, and recovery after kill -9.
// With TEST_DATABASE_URL the run is about the external server, so this file has nothing to add.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diemtua-lifecycle-'));
fs.chmodSync(dataDir, 0o755);
let child: ChildProcess | null = null;

afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startChild(env: NodeJS.ProcessEnv = {}): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'test/db/embedded-child.ts', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let output = '';
    proc.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('READY')) resolve(proc);
    });
    proc.stderr.on('data', (chunk) => {
      output += chunk;
    });
    proc.on('exit', (code) => reject(new Error(`child exited ${code}: ${output}`)));
  });
}

describe.skipIf(!!process.env.TEST_DATABASE_URL)('the embedded PostgreSQL', () => {
  it('refuses a second process on the same data directory', { timeout: 60_000 }, async () => {
    child = await startChild();
    await expect(startEmbeddedPostgres({ dataDir, lockWaitMs: 1000 })).rejects.toThrow(
      /đang được một tiến trình diemtua khác sử dụng/,
    );
  });

  it('comes back with its data after the owner is killed with SIGKILL', { timeout: 90_000 }, async () => {
    child!.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    child = null;
    // The orphaned postmaster still runs on the directory; the next start must deal with it.
    const server = await startEmbeddedPostgres({ dataDir });
    try {
      const client = new pg.Client(server.url('postgres'));
      await client.connect();
      const { rows } = await client.query('select note from survivor');
      // A kept cluster caches an eighth of the machine's memory, 128 MB to 2 GB.
      const buffers = await client.query(
        "select setting::bigint * 8192 / 1048576 as mb from pg_settings where name = 'shared_buffers'",
      );
      await client.end();
      expect(rows).toEqual([{ note: 'trước khi bị kill -9' }]);
      const eighth = Math.floor(os.totalmem() / 8 / 1048576);
      expect(Number(buffers.rows[0].mb)).toBe(Math.min(2048, Math.max(128, eighth)));
    } finally {
      await server.stop();
    }
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('leaves alone another cluster whose process number a stale postmaster.pid names', {
    timeout: 90_000,
  }, async () => {
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diemtua-other-'));
    fs.chmodSync(otherDir, 0o755);
    const other = await startEmbeddedPostgres({ dataDir: otherDir, ephemeral: true });
    try {
      // After a power cut the old postmaster's number may belong to another PostgreSQL.
      const otherPid = fs.readFileSync(path.join(otherDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]!;
      const stale = path.join(dataDir, 'pg', 'postmaster.pid');
      fs.writeFileSync(stale, `${otherPid}\n${path.join(dataDir, 'pg')}\n`);
      const server = await startEmbeddedPostgres({ dataDir });
      await server.stop();
      const client = new pg.Client(other.url('postgres'));
      await client.connect();
      const { rows } = await client.query('select 1 as alive');
      await client.end();
      expect(rows).toEqual([{ alive: 1 }]);
    } finally {
      await other.stop();
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('a process frozen past its lock gives the directory up, and leaves the new owner’s server running', {
    timeout: 90_000,
  }, async () => {
    const frozen = await startChild({ LOCK_STALE_MS: '2000' });
    child = frozen;
    const exited = new Promise<number | null>((resolve) => frozen.once('exit', resolve));
    frozen.kill('SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const server = await startEmbeddedPostgres({ dataDir, lockStaleMs: 2_000 });
    try {
      frozen.kill('SIGCONT');
      expect(await exited).toBe(1);
      child = null;
      const client = new pg.Client(server.url('postgres'));
      await client.connect();
      const { rows } = await client.query('select count(*)::int as n from survivor');
      await client.end();
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  });

  it.skipIf(process.getuid?.() !== 0)(
    'runs as root even when PostgreSQL cannot reach DATA_DIR, keeping the cluster elsewhere',
    { timeout: 120_000 },
    async () => {
      const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'diemtua-closed-'));
      fs.chmodSync(closed, 0o700); // like /root
      const fallbackRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'diemtua-fallback-'));
      fs.chmodSync(fallbackRoot, 0o755);
      const inClosed = path.join(closed, 'app', 'data');
      try {
        for (const round of [1, 2]) {
          const server = await startEmbeddedPostgres({ dataDir: inClosed, fallbackRoot, ephemeral: true });
          try {
            const client = new pg.Client(server.url('postgres'));
            await client.connect();
            if (round === 1) await client.query("create table kept as select 'còn đây' as note");
            const { rows } = await client.query('select note from kept');
            await client.end();
            expect(rows).toEqual([{ note: 'còn đây' }]);
          } finally {
            await server.stop();
          }
        }
        const where = fs.readFileSync(path.join(inClosed, 'pg-location'), 'utf8').trim();
        expect(where.startsWith(fallbackRoot)).toBe(true);
        expect(fs.existsSync(path.join(where, 'PG_VERSION'))).toBe(true);
      } finally {
        fs.rmSync(closed, { recursive: true, force: true });
        fs.rmSync(fallbackRoot, { recursive: true, force: true });
      }
    },
  );
});
