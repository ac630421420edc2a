// Report exports at national scale: the win-back list of lapsed VSI participants (a row per person,
// the largest report) written as CSV and XLSX at about 100,000 rows and at over 1,000,000, by the
// real export job (keyset chunks from PostgreSQL → law-engine amount → streaming writer → file).
// Measured: the time, rows per second, and the process's RSS and V8 heap sampled every 20 ms during
// the export against a baseline taken just before (after a full GC); in a separate pass, the heap
// left after a full GC each second (what the export holds on to); and the 1M exports once more in a
// child process whose heap is capped at CAP_MB, which an export holding its rows could not survive.
// Target: live heap growth under 100 MB at 1M rows and about the same as at 100k; the capped runs done.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'kysely';
import { connect } from '../src/db/database.ts';
import { addDays } from '../src/domain/law/index.ts';
import { bulkLoad } from '../src/modules/demo/demo.bulk.ts';
import { seedDemo } from '../src/modules/demo/demo.seed.ts';
import { seedBaseOrgs } from '../src/modules/orgs/orgs.seed.ts';
import { importUnits } from '../src/modules/units/units.import.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createServices } from '../src/server/services.ts';
import { benchDatabase, median } from './support/bench-db.ts';

const PEOPLE = Number(process.env.BENCH_LAPSED_PEOPLE ?? 1_250_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SMALL = Number(process.env.BENCH_SMALL_ROWS ?? 100_000);
/** A smaller dataset for trying the benchmark out; the recorded figures need the default. */
const MIN_LAPSED = Number(process.env.BENCH_MIN_LAPSED ?? 1_000_000);
const today = '2026-11-25';
const clock = fixedClock(`${today}T09:00:00+07:00`);

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const MB = 1024 * 1024;
/** The heap of the capped child: the app's own ~40 MB and room for two chunks, not for a million rows. */
const CAP_MB = 128;

/** The capped child: one export of the whole list, its figures on stdout. */
async function cappedChild(url: string, format: 'csv' | 'xlsx') {
  const db = connect(url, { max: 4 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diemtua-bench-capped-'));
  const services = createServices({ db, clock, dataDir: dir });
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const actor = (await services.access.actorForUsername('demo.trunguong'))!;
  const created = await services.reports.create(actor, { kind: 'lapsed', format, params: {} }, 'vi');
  await services.reports.settled(created.id);
  clearInterval(sampler);
  const done = await services.reports.get(actor, created.id);
  console.log(
    JSON.stringify({
      status: done.status,
      rows: done.rowsDone,
      seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
      peakRssMB: Math.round(peakRss / MB),
      heapLimitMB: Math.round(v8.getHeapStatistics().heap_size_limit / MB),
    }),
  );
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === '--capped') {
  await cappedChild(process.argv[3]!, process.argv[4] as 'csv' | 'xlsx');
  process.exit(0);
}

const database = await benchDatabase('bench_reports');
const db = database.db;
const exportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diemtua-bench-exports-'));
const services = createServices({ db, clock, dataDir: exportsDir });

try {
  const existing = await db
    .selectFrom('vsi_enrollment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) < PEOPLE * 0.99) {
    const t0 = Date.now();
    await importUnits(db);
    await seedBaseOrgs(db, clock);
    await seedDemo({ db, clock });
    const book = await services.rules.book();
    const perBatch = 250_000;
    // A grown dataset goes on from the batches it has, with seeds of its own (the same seed draws the same IDs).
    for (let loaded = Number(existing.n), i = Math.ceil(loaded / perBatch); loaded < PEOPLE; i++) {
      const n = Math.min(perBatch, PEOPLE - loaded);
      const date = `${2021 + (i % 5)}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-10`;
      // Few keep paying: most lapse at some point, as the people a win-back campaign calls.
      await bulkLoad(db, [{ date, vsi: n, hhi: 0 }], {
        today,
        book,
        seed: (i + 1) / 100,
        retention: 0.05,
        history: false,
        rebuildStats: false,
      });
      loaded += n;
      console.error(
        `generated ${loaded.toLocaleString('vi-VN')} VSI participants (${Math.round((Date.now() - t0) / 1000)} s)`,
      );
    }
    // Deadlines and statuses as the daily job derives them; a dataset grown since its last run has
    // rows that job has not seen, so today's run is started over.
    await db.deleteFrom('job_run').where('job', '=', 'status-all').where('run_date', '=', today).execute();
    await services.jobs.moveStatuses(today, undefined, 'all');
    await sql`analyze`.execute(db);
    console.error(`dataset ready in ${Math.round((Date.now() - t0) / 1000)} s`);
  }

  const actor = (await services.access.actorForUsername('demo.trunguong'))!;
  const cutoff = addDays(today, -31);
  const lapsed = Number(
    (
      await sql<{ n: number }>`select count(*)::bigint as n from vsi_enrollment
        where status not in ('retired', 'lump_sum_withdrawn', 'deceased') and due_date <= ${cutoff}`.execute(
        db,
      )
    ).rows[0]!.n,
  );
  if (lapsed < MIN_LAPSED) throw new Error(`only ${lapsed} lapsed participants; raise BENCH_LAPSED_PEOPLE`);
  // The deadline before which about 100,000 of them fall: the same report, narrowed by its period.
  const smallTo = (
    await sql<{ due_date: string }>`select due_date from vsi_enrollment
      where status not in ('retired', 'lump_sum_withdrawn', 'deceased') and due_date <= ${cutoff}
      order by due_date offset ${SMALL} limit 1`.execute(db)
  ).rows[0]!.due_date;

  /**
   * One export, sampled every 20 ms. With `live`, a full GC also runs every second and the heap left
   * after it is kept: what the export holds on to, apart from garbage not yet collected. That pass is
   * for memory only; its time is not reported.
   */
  async function measure(format: 'csv' | 'xlsx', params: { to?: string }, live = false) {
    gc();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    let peakExternal = before.external + before.arrayBuffers;
    let peakLive = before.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakExternal = Math.max(peakExternal, m.external + m.arrayBuffers);
    }, 20);
    const collector = live
      ? setInterval(() => {
          gc();
          peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
        }, 1_000)
      : null;
    const started = performance.now();
    const created = await services.reports.create(actor, { kind: 'lapsed', format, params }, 'vi');
    await services.reports.settled(created.id);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (collector) clearInterval(collector);
    const done = await services.reports.get(actor, created.id);
    if (done.status !== 'done') throw new Error(`export ${created.id} ended ${done.status}: ${done.error}`);
    const file = await services.reports.file(actor, created.id);
    await services.reports.remove(actor, created.id);
    return {
      rows: done.rowsDone,
      seconds: Number(seconds.toFixed(2)),
      rowsPerSecond: Math.round(done.rowsDone / seconds),
      fileMB: Number((file.bytes / MB).toFixed(1)),
      baselineRssMB: Math.round(before.rss / MB),
      peakRssGrowthMB: Math.round((peakRss - before.rss) / MB),
      baselineHeapMB: Math.round(before.heapUsed / MB),
      peakHeapGrowthMB: Math.round((peakHeap - before.heapUsed) / MB),
      peakExternalGrowthMB: Math.round((peakExternal - before.external - before.arrayBuffers) / MB),
      peakLiveHeapGrowthMB: Math.round((peakLive - before.heapUsed) / MB),
    };
  }

  // One unmeasured pass warms the tables into the cache and the code paths into the JIT.
  await measure('csv', { to: smallTo });

  const runs: Record<string, Awaited<ReturnType<typeof measure>>[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [size, params] of [
      ['100k', { to: smallTo }],
      ['1M', {}],
    ] as const) {
      for (const format of ['csv', 'xlsx'] as const) {
        const result = await measure(format, params);
        const name = `${format} ${size}`;
        runs[name] = [...(runs[name] ?? []), result];
        console.error(`${format} ${size} round ${round + 1}: ${JSON.stringify(result)}`);
      }
    }
  }

  // The memory pass: once per size and format, with the forced collections.
  const live: Record<string, number> = {};
  for (const [size, params] of [
    ['100k', { to: smallTo }],
    ['1M', {}],
  ] as const) {
    for (const format of ['csv', 'xlsx'] as const) {
      const result = await measure(format, params, true);
      live[`${format} ${size}`] = result.peakLiveHeapGrowthMB;
      console.error(`${format} ${size} memory pass: ${JSON.stringify(result)}`);
    }
  }

  // The capped pass: the same 1M exports in a process that has CAP_MB of heap and no more.
  const capped: Record<string, unknown> = {};
  for (const format of ['csv', 'xlsx'] as const) {
    const child = spawnSync(
      process.execPath,
      [
        `--max-old-space-size=${CAP_MB}`,
        '--import',
        'tsx',
        import.meta.filename,
        '--capped',
        database.url,
        format,
      ],
      { encoding: 'utf8' },
    );
    const line = child.stdout.trim().split('\n').pop() ?? '';
    capped[format] =
      child.status === 0 && line.startsWith('{')
        ? JSON.parse(line)
        : { status: 'crashed', exit: child.status, stderr: child.stderr.slice(-400) };
    console.error(`${format} 1M capped at ${CAP_MB} MB: ${JSON.stringify(capped[format])}`);
  }

  const summary = Object.fromEntries(
    Object.entries(runs).map(([name, results]) => [
      name,
      {
        rows: results[0]!.rows,
        medianSeconds: median(results.map((r) => r.seconds)),
        medianRowsPerSecond: median(results.map((r) => r.rowsPerSecond)),
        fileMB: results[0]!.fileMB,
        peakHeapGrowthMB: Math.max(...results.map((r) => r.peakHeapGrowthMB)),
        peakRssGrowthMB: Math.max(...results.map((r) => r.peakRssGrowthMB)),
        peakExternalGrowthMB: Math.max(...results.map((r) => r.peakExternalGrowthMB)),
        peakLiveHeapGrowthMB: live[name],
        rounds: results.map((r) => r.seconds),
      },
    ]),
  );
  const worstLive = Math.max(...Object.values(live));
  const ratio = (format: string) =>
    Number((live[`${format} 1M`]! / Math.max(1, live[`${format} 100k`]!)).toFixed(2));
  const cappedDone = Object.values(capped).every((c) => (c as { status: string }).status === 'done');
  console.log(
    JSON.stringify(
      {
        name: 'lapsed-list export (CSV, XLSX) at 100k and 1M rows',
        lapsedInDatabase: lapsed,
        rounds: ROUNDS,
        target: `live heap growth < 100 MB at 1M rows and flat from 100k; 1M done with a ${CAP_MB} MB heap`,
        met: worstLive < 100 && cappedDone,
        liveHeapGrowth1MOver100k: { csv: ratio('csv'), xlsx: ratio('xlsx') },
        cappedAt: CAP_MB,
        capped,
        byRun: summary,
      },
      null,
      2,
    ),
  );
} finally {
  await database.close();
  fs.rmSync(exportsDir, { recursive: true, force: true });
}
