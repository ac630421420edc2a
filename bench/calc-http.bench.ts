// POST /api/v1/calc/vsi-quote through the real app vs a bare Fastify route returning a constant,
// each in its own process, loaded on loopback by wrk (Debian's, written in C, so the load generator
// takes little of the 2 cores) or autocannon when wrk is missing, alternating rounds in one run.
// Target: the app reaches at least half the bare route's requests per second.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createRulesService } from '../src/modules/rules/rules.service.ts';
import { systemClock } from '../src/platform/clock.ts';
import { benchDatabase, median } from './support/bench-db.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

function startServer(
  kind: 'bare' | 'bare-quote' | 'app',
  url: string,
): Promise<{ port: number; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/calc-server.ts', kind, url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = chunk.toString().match(/PORT (\d+)/);
      if (match) resolve({ port: Number(match[1]), child });
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited ${code}`)));
  });
}

const WRK = spawnSync('which', ['wrk'], { encoding: 'utf8' }).stdout.trim();

function loadWithWrk(port: number, urlPath: string, body: string): number {
  const script = path.join(os.tmpdir(), `diemtua-wrk-${process.pid}.lua`);
  fs.writeFileSync(
    script,
    `wrk.method = "POST"\nwrk.body = ${JSON.stringify(body)}\nwrk.headers["Content-Type"] = "application/json"\n`,
  );
  const out = execFileSync(
    WRK,
    ['-t1', '-c32', `-d${SECONDS}s`, '-s', script, `http://127.0.0.1:${port}${urlPath}`],
    {
      encoding: 'utf8',
    },
  );
  if (/Non-2xx/.test(out)) throw new Error(`errors on ${urlPath}:\n${out}`);
  return Number(out.match(/Requests\/sec:\s+([\d.]+)/)![1]);
}

async function load(port: number, urlPath: string, body: string): Promise<number> {
  if (WRK) return loadWithWrk(port, urlPath, body);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${urlPath}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: 32,
    pipelining: 1,
    duration: SECONDS,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors on ${urlPath}`);
  return result.requests.average;
}

const database = await benchDatabase('bench_calc');
await createRulesService({ db: database.db, clock: systemClock }).ensureSeeded();
const bare = await startServer('bare', database.url);
const bareQuote = await startServer('bare-quote', database.url);
const app = await startServer('app', database.url);
const quote = JSON.stringify({
  paymentDate: '2025-08-14',
  monthlyIncome: 1_500_000,
  mode: 'quarterly',
  categories: ['near_poor'],
});

try {
  await load(app.port, '/api/v1/calc/vsi-quote', quote); // warm-up
  const bareRps: number[] = [];
  const bareQuoteRps: number[] = [];
  const appRps: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bareRps.push(await load(bare.port, '/', '{}'));
    bareQuoteRps.push(await load(bareQuote.port, '/', quote));
    appRps.push(await load(app.port, '/api/v1/calc/vsi-quote', quote));
  }
  const ratio = median(appRps) / median(bareRps);
  console.log(
    JSON.stringify({
      name: 'POST /api/v1/calc/vsi-quote vs bare Fastify',
      loadGenerator: WRK ? 'wrk' : 'autocannon',
      bareRpsMedian: Math.round(median(bareRps)),
      bareQuoteRpsMedian: Math.round(median(bareQuoteRps)),
      appRpsMedian: Math.round(median(appRps)),
      ratio: Number(ratio.toFixed(3)),
      target: '>= 0.5',
      met: ratio >= 0.5,
      // How much of the gap is the quote itself (engine, JSON of ~1.2 KB of Vietnamese text, its bytes
      // on the wire) rather than the app's plugins and hooks.
      bareQuoteRatio: Number((median(bareQuoteRps) / median(bareRps)).toFixed(3)),
      appToBareQuoteRatio: Number((median(appRps) / median(bareQuoteRps)).toFixed(3)),
      rounds: {
        bare: bareRps.map(Math.round),
        bareQuote: bareQuoteRps.map(Math.round),
        app: appRps.map(Math.round),
      },
    }),
  );
} finally {
  bare.child.kill();
  bareQuote.child.kill();
  app.child.kill();
  await database.close();
}
