import fs from 'node:fs';
import cliProgress from 'cli-progress';
import { type Config, loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { systemClock } from '../platform/clock.ts';
import { createServices, type Services } from '../server/services.ts';

export interface CliContext {
  config: Config;
  database: Database;
  services: Services;
}

/**
 * Runs a command against the database: the external one, the embedded one the running app
 * already has open, or the embedded one started just for this command. Migrations come first.
 */
export async function withDatabase<T>(work: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config, (m) => console.error(m), { shareRunning: true });
  try {
    await migrate(database.db);
    const services = createServices({ db: database.db, clock: systemClock, dataDir: config.dataDir });
    return await work({ config, database, services });
  } finally {
    await database.close();
  }
}

/** A progress bar on a terminal; plain lines when output is piped (CI logs). */
export function progressBar(label: string) {
  if (!process.stderr.isTTY) {
    let lastStep = '';
    return {
      update(step: string, done: number, total: number) {
        if (step !== lastStep) console.error(`${label}: ${step}…`);
        lastStep = step;
        if (done === total) console.error(`${label}: ${done}/${total}`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {step}`,
      hideCursor: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(step: string, done: number, total: number) {
      if (!started) {
        bar.start(total, 0, { step });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { step });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function fail(message: string, code = 1): never {
  console.error(`Lỗi: ${message}`);
  process.exit(code);
}

export function readText(file: string): string {
  if (!fs.existsSync(file)) fail(`Không tìm thấy tệp ${file}`);
  return fs.readFileSync(file, 'utf8');
}
