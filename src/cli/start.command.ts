import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { seedDemoCampaigns } from '../modules/demo/demo.campaigns.ts';
import { seedDemoRegistry } from '../modules/demo/demo.registry.ts';
import { type DemoResult, seedDemo } from '../modules/demo/demo.seed.ts';
import { scheduleDaily } from '../modules/renewals/renewals.schedule.ts';
import { bootstrap } from '../modules/system/system.bootstrap.ts';
import { systemClock } from '../platform/clock.ts';
import { createApp } from '../server/app.ts';
import { createServices } from '../server/services.ts';
import { progressBar } from './context.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WEB_ROOT = path.join(ROOT, 'dist/web');
const ROLE_NAMES: Record<string, string> = {
  central_officer: 'Cán bộ BHXH Việt Nam',
  provincial_officer: 'Cán bộ BHXH tỉnh',
  grassroots_officer: 'Cán bộ BHXH cơ sở',
  post_office_manager: 'Trưởng bưu cục',
  collection_agent: 'Nhân viên thu / đại lý',
  viewer: 'Người xem',
};

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description(
      'Chạy Điểm Tựa: cơ sở dữ liệu (nhúng hoặc DATABASE_URL), migration, dữ liệu ban đầu, máy chủ web',
    )
    .option('--dev', 'chạy thêm Vite dev server (cổng 5173) với tải lại nóng')
    .action(async (options: { dev?: boolean }) => {
      const started = Date.now();
      const config = loadConfig();
      const say = (message: string) => console.log(message);
      say('Điểm Tựa — Bảo hiểm xã hội: điểm tựa của bạn và gia đình');

      const web = options.dev ? null : ensureWebBuild(say);
      const database = await openDatabase(config, say);
      let stopping = false;
      let app: Awaited<ReturnType<typeof createApp>> | null = null;
      // From here a Ctrl-C or SIGTERM stops cleanly, during the first start's long setup too.
      const shutdown = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        say(`\nNhận ${signal}: đang dừng…`);
        const force = setTimeout(() => process.exit(1), 20_000);
        try {
          await app?.close();
          await database.close();
          say('Đã dừng an toàn.');
        } finally {
          clearTimeout(force);
          process.exit(0);
        }
      };
      process.on('SIGINT', () => void shutdown('SIGINT'));
      process.on('SIGTERM', () => void shutdown('SIGTERM'));

      let boot: Awaited<ReturnType<typeof bootstrap>> | null = null;
      app = await (async () => {
        try {
          const { applied } = await migrate(database.db);
          if (applied.length) say(`Đã áp dụng migration: ${applied.join(', ')}`);
          const services = createServices({ db: database.db, clock: systemClock, dataDir: config.dataDir });
          const bar = progressBar('Khởi tạo dữ liệu');
          boot = await bootstrap({ db: database.db, clock: systemClock, services }, bar.update);
          if (config.demo) {
            await seedDemo(
              {
                db: database.db,
                clock: systemClock,
                onCreated: (demo) => saveDemoLogins(config.dataDir, demo),
              },
              bar.update,
            );
            // Loaded once, and again on the next start if this one was interrupted before it.
            bar.update('Người tham gia minh họa', 0, 1);
            await seedDemoRegistry({
              db: database.db,
              clock: systemClock,
              book: await services.rules.book(),
              jobs: services.jobs,
            });
            bar.update('Người tham gia minh họa', 1, 1);
          }
          bar.stop();

          const instance = await createApp({
            db: database.db,
            clock: systemClock,
            config,
            dataDir: config.dataDir,
            loginRateLimit: config.loginRateLimit,
            webRoot: (await web) ?? WEB_ROOT,
            logger: true,
          });
          await instance
            .listen({ port: config.port, host: config.host })
            .catch((error: NodeJS.ErrnoException) => {
              if (error.code === 'EADDRINUSE') {
                throw new Error(
                  `Cổng ${config.port} đang được một chương trình khác dùng. Hãy dừng chương trình đó hoặc đặt PORT khác, ví dụ PORT=3001 npm start.`,
                );
              }
              throw error;
            });
          const url = `http://localhost:${(instance.server.address() as { port: number }).port}`;
          scheduleDaily(instance.services.jobs, systemClock, (message, error) =>
            error ? instance.log.error({ err: error }, message) : instance.log.info(message),
          );
          printBanner({
            url,
            boot: boot!,
            demo: config.demo ? readDemoLogins(config.dataDir) : null,
            where: database.where,
          });
          say(`Sẵn sàng sau ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
          if (config.demo) {
            // The demo campaigns (over 100,000 registrations, shaped on May 2022) take about a minute:
            // generated while the app already serves, their progress on the campaigns screen.
            const book = await instance.services.rules.book();
            void seedDemoCampaigns(
              { db: database.db, clock: systemClock, book, scale: config.demoCampaignScale },
              (label, done, total) => say(`Dữ liệu chiến dịch minh họa: ${label} (${done}/${total})`),
            ).catch((error) => {
              if (!stopping) instance.log.error({ err: error }, 'demo campaigns failed');
            });
          }
          return instance;
        } catch (error) {
          // The administrator was created on this start but the banner never came: show the
          // password now, or it would be lost (it is never stored in clear).
          if (boot?.admin) {
            say(
              `Tài khoản quản trị đã được tạo: ${boot.admin.username} / mật khẩu ${boot.admin.password} (hãy lưu lại)`,
            );
          }
          if (!stopping) await database.close();
          throw error;
        }
      })();

      if (options.dev) await startViteDev(config.port, say);
    });
}

function printBanner({
  url,
  boot,
  demo,
  where,
}: {
  url: string;
  boot: { admin: { username: string; password: string } | null };
  demo: { password: string; logins: { role: string; username: string; unit: string }[] } | null;
  where: string;
}) {
  const lines = ['', '═'.repeat(72), `  Điểm Tựa đang chạy tại  ${url}`, `  Cơ sở dữ liệu: ${where}`];
  if (boot.admin) {
    lines.push(
      '',
      '  Tài khoản quản trị (chỉ hiển thị MỘT LẦN, hãy lưu lại):',
      `    tên đăng nhập: ${boot.admin.username}`,
      `    mật khẩu:      ${boot.admin.password}`,
    );
  } else {
    lines.push(
      '',
      '  Quản trị: dùng tài khoản đã tạo lần đầu (quên mật khẩu: npx diemtua user reset-password --username admin)',
    );
  }
  if (demo) {
    lines.push('', `  Dữ liệu DEMO — mọi tài khoản demo dùng chung mật khẩu: ${demo.password}`);
    for (const login of demo.logins) {
      lines.push(
        `    ${login.username.padEnd(18)} ${(ROLE_NAMES[login.role] ?? login.role).padEnd(26)} ${login.unit}`,
      );
    }
  }
  lines.push('', `  Tài liệu API: ${url}/api/docs`, '═'.repeat(72), '');
  console.log(lines.join('\n'));
}

function demoFile(dataDir: string) {
  return path.join(dataDir, 'demo-logins.json');
}

function saveDemoLogins(dataDir: string, demo: DemoResult) {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(
    demoFile(dataDir),
    JSON.stringify({ password: demo.password, logins: demo.logins }, null, 2),
    {
      mode: 0o600,
    },
  );
}

function readDemoLogins(dataDir: string) {
  try {
    return JSON.parse(fs.readFileSync(demoFile(dataDir), 'utf8')) as {
      password: string;
      logins: { role: string; username: string; unit: string }[];
    };
  } catch {
    return null;
  }
}

/** The newest source file of the web app, to know whether dist/web is stale. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds the web app when it is missing or older than its sources, while the database starts.
 * A production install builds ahead of time with `npm run build` and never gets here.
 */
async function ensureWebBuild(say: (m: string) => void): Promise<string | null> {
  const index = path.join(WEB_ROOT, 'index.html');
  const sources = ['src/web', 'src/domain'].map((d) => path.join(ROOT, d)).filter((d) => fs.existsSync(d));
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built > 0 && sources.every((d) => newestSource(d) <= built)) return WEB_ROOT;
  say('Đang dựng giao diện web (chỉ lần đầu hoặc khi mã nguồn thay đổi)…');
  try {
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
    say('Đã dựng xong giao diện web.');
    return WEB_ROOT;
  } catch (error) {
    say(
      `Không dựng được giao diện web (${(error as Error).message}). API vẫn chạy; hãy chạy "npm run build".`,
    );
    return built > 0 ? WEB_ROOT : null;
  }
}

async function startViteDev(apiPort: number, say: (m: string) => void) {
  process.env.API_PORT = String(apiPort);
  const { createServer } = await import('vite');
  const server = await createServer({ configFile: path.join(ROOT, 'vite.config.ts') });
  await server.listen();
  say(`Giao diện (dev, tải lại nóng): ${server.resolvedUrls?.local[0] ?? 'http://localhost:5173'}`);
}
