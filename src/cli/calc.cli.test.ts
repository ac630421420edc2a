import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExampleApi, exampleTests } from '../../test/law-examples.ts';
import { calcErrorBody, calculate, createRuleBook, paramAt } from '../domain/law/index.ts';
import { systemClock, vietnamDate } from '../platform/clock.ts';

/**
 * `npx diemtua calc <kind>` gives the same JSON as the engine for every call the published examples
 * make (the engine's answers are checked against the examples in examples.golden.test.ts), exits 0
 * on success and 2 on invalid input. Runs without a database: the CLI falls back to the shipped rules.
 */
const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diemtua-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
const book = createRuleBook();

async function cli(kind: string, input: unknown, args: string[] = []) {
  try {
    const { stdout } = await run(
      process.execPath,
      ['bin/diemtua.js', 'calc', kind, '--input', JSON.stringify(input), ...args],
      { env },
    );
    return { code: 0, body: JSON.parse(stdout) };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, body: JSON.parse(failed.stdout) };
  }
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('published examples through the CLI', () => {
  const calls = new Map<string, { kind: string; input: Record<string, unknown> }>();
  const recorder: ExampleApi = {
    calc: async (kind, input) => {
      calls.set(JSON.stringify([kind, input]), { kind, input });
      return calculate(kind, input, { book });
    },
    param: async (key, date, scope) => paramAt(book, key, date, scope),
  };
  const cliAnswers = new Map<string, { code: number; body: unknown }>();

  beforeAll(async () => {
    for (const test of exampleTests(() => recorder)) await test.run();
    const pending = [...calls.entries()];
    // Four CLI processes at a time: each is a cold Node start.
    const workers = Array.from({ length: 4 }, async () => {
      for (let next = pending.shift(); next; next = pending.shift()) {
        cliAnswers.set(next[0], await cli(next[1].kind, next[1].input));
      }
    });
    await Promise.all(workers);
  }, 240_000);

  it('made calls of every contract kind the examples need', () => {
    const kinds = new Set([...calls.values()].map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['citizen-id', 'pension', 'retirement-age', 'vsi-quote']);
    expect(calls.size).toBeGreaterThanOrEqual(30);
  });

  it('answers each of them exactly as the engine does', () => {
    for (const [key, call] of calls) {
      const engine = calculate(call.kind, call.input, { book, today: vietnamDate(systemClock) });
      const answer = cliAnswers.get(key)!;
      if (engine.ok) {
        expect(answer, key).toEqual({ code: 0, body: engine.result });
      } else {
        expect(answer, key).toEqual({ code: 2, body: calcErrorBody(engine.error) });
      }
    }
  });
});

describe('the calc command', () => {
  it('lists every field at fault, as HTTP does', async () => {
    const { code, body } = await cli('vsi-quote', {
      paymentDate: '2025-13-01',
      monthlyIncome: 'x',
      mode: 'weekly',
    });
    expect(code).toBe(2);
    expect(body.error.fields.map((f: { field: string }) => f.field)).toEqual([
      'paymentDate',
      'monthlyIncome',
      'mode',
    ]);
  });

  it('reads the input from standard input when --input is absent', async () => {
    const child = execFile(process.execPath, ['bin/diemtua.js', 'calc', 'hhi-quote'], { env });
    child.stdin!.end(JSON.stringify({ paymentDate: '2025-01-10', members: 3, months: 12 }));
    const stdout = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += chunk;
      });
      child.on('close', () => resolve(out));
    });
    expect(JSON.parse(stdout)).toMatchObject({
      baseSalary: 2_340_000,
      monthlyTotal: 242_190,
      total: 2_906_280,
    });
  }, 30_000);

  it('exits 2 with the contract error for bad input, and for input that is not JSON', async () => {
    const below = await cli('vsi-quote', {
      paymentDate: '2022-03-01',
      monthlyIncome: 1_450_000,
      mode: 'monthly',
    });
    expect(below).toEqual({
      code: 2,
      body: {
        error: {
          code: 'calc.income_below_floor',
          message:
            'Thu nhập 1.450.000 đ thấp hơn mức tối thiểu 1.500.000 đ (chuẩn nghèo nông thôn) tại ngày 01/03/2022',
          field: 'monthlyIncome',
        },
      },
    });
    const broken = await run(process.execPath, ['bin/diemtua.js', 'calc', 'vsi-quote', '--input', '{oops'], {
      env,
    }).catch((e) => e);
    expect(broken.code).toBe(2);
    expect(JSON.parse(broken.stdout).error.code).toBe('calc.invalid_json');
  }, 30_000);

  it('speaks English with --lang en', async () => {
    const answer = await cli(
      'vsi-quote',
      { paymentDate: '2025-08-14', monthlyIncome: 1_500_000, mode: 'monthly' },
      ['--lang', 'en'],
    );
    expect(answer.body.steps[0].label).toBe('Payment date');
  }, 30_000);
});
