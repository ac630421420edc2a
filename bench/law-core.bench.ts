/**
 * Throughput of the law engine's hottest call: `calculate('vsi-quote', …)` including input validation,
 * rule lookup and steps. Run with `npx tsx bench/law-core.bench.ts`; prints the median of several rounds
 * as JSON. Inputs vary over dates, incomes, modes, categories and provinces so that no single cache line
 * or branch is measured alone.
 */
import { calculate, createRuleBook } from '../src/domain/law/index.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CALLS_PER_ROUND = Number(process.env.BENCH_CALLS ?? 400_000);

const book = createRuleBook();
const ctx = { book, lang: 'vi' as const };

function makeInputs(): Record<string, unknown>[] {
  const dates = [
    '2018-03-15',
    '2020-11-09',
    '2022-01-01',
    '2024-09-30',
    '2025-08-14',
    '2026-02-10',
    '2026-12-31',
  ];
  const categories = [['other'], ['poor'], ['near_poor'], ['ethnic_minority', 'other'], ['island_commune']];
  const modes = ['monthly', 'quarterly', 'semiannual', 'annual', 'monthly', 'advance'];
  const inputs: Record<string, unknown>[] = [];
  for (let i = 0; i < 1024; i++) {
    const date = dates[i % dates.length]!;
    const floor = date < '2022-01-01' ? 700_000 : 1_500_000;
    const mode = modes[i % modes.length]!;
    const input: Record<string, unknown> = {
      paymentDate: date,
      monthlyIncome: floor + ((i * 7) % 120) * 50_000,
      mode,
      categories: categories[i % categories.length],
      supportedMonthsUsed: (i * 13) % 130,
    };
    if (mode === 'advance') {
      input.months = 1 + (i % 60);
      input.fundRate = 0.006583;
    }
    if (i % 4 === 0 && date >= '2025-07-01') input.provinceCode = i % 8 === 0 ? '01' : '79';
    inputs.push(input);
  }
  return inputs;
}

function round(inputs: Record<string, unknown>[]): number {
  let checksum = 0;
  const start = performance.now();
  for (let i = 0; i < CALLS_PER_ROUND; i++) {
    const out = calculate('vsi-quote', inputs[i & 1023], ctx);
    if (!out.ok) throw new Error(`unexpected failure: ${out.error.message}`);
    checksum += (out.result as { total: number }).total;
  }
  const seconds = (performance.now() - start) / 1000;
  if (checksum < 0) throw new Error('impossible');
  return Math.round(CALLS_PER_ROUND / seconds);
}

const inputs = makeInputs();
round(inputs); // warm-up: JIT and rule caches
const rounds: number[] = [];
for (let r = 0; r < ROUNDS; r++) rounds.push(round(inputs));
const sorted = [...rounds].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
console.log(JSON.stringify({ name: 'vsi-quote core', opsPerSec: median, rounds }));
