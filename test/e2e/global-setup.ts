import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runningEmbeddedUrl } from '../../src/db/embedded.ts';

/**
 * Starts the product exactly as the README says (`node bin/diemtua.js start`, what `npm start`
 * runs) on a fresh data directory, and reads the admin and demo passwords from what it prints.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    e2e: {
      baseUrl: string;
      admin: { username: string; password: string };
      demoPassword: string;
      output: string;
      /** The app's own embedded database, for what no screen can do (a carrier refusing an SMS). */
      databaseUrl: string;
    };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diemtua-e2e-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  // The demo campaigns at 2% of May 2022's size: the screens have them, the machine is not kept busy.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    DEMO_CAMPAIGN_SCALE: '0.02',
    // Every test signs in, many at once from 127.0.0.1: the address ceiling (20 × 10 a minute) is
    // for people, and the sign-in limits have their own tests (access.http.test.ts).
    LOGIN_RATE_LIMIT: '1000',
  };
  delete env.DATABASE_URL;
  const server: ChildProcess = spawn(process.execPath, ['bin/diemtua.js', 'start'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start in 180 s:\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Sẵn sàng sau')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => reject(new Error(`the app exited with ${code}:\n${output}`)));
  });
  await ready;

  const admin = output.match(/tên đăng nhập: (\S+)\s+mật khẩu:\s+(\S+)/);
  const demo = output.match(/dùng chung mật khẩu: (\S+)/);
  if (!admin || !demo) throw new Error(`no credentials printed:\n${output}`);
  const databaseUrl = runningEmbeddedUrl(dataDir, 'diemtua');
  if (!databaseUrl) throw new Error(`no embedded database running in ${dataDir}:\n${output}`);
  project.provide('e2e', {
    baseUrl: `http://127.0.0.1:${port}`,
    admin: { username: admin[1]!, password: admin[2]! },
    demoPassword: demo[1]!,
    output,
    databaseUrl,
  });

  return async () => {
    server.kill('SIGINT');
    await new Promise((resolve) => {
      const force = setTimeout(() => {
        server.kill('SIGKILL');
        resolve(null);
      }, 20_000);
      server.once('exit', () => {
        clearTimeout(force);
        resolve(null);
      });
    });
    if (process.env.E2E_LOG_FILE) fs.writeFileSync(process.env.E2E_LOG_FILE, output);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
