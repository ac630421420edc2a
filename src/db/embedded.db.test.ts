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

function startChild(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'test/db/embedded-child.ts', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
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
      await client.end();
      expect(rows).toEqual([{ note: 'trước khi bị kill -9' }]);
    } finally {
      await server.stop();
    }
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });
});
