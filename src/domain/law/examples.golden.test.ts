import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CASES,
  EXAMPLES_FIXTURE,
  type ExampleApi,
  examples,
  exampleTests,
} from '../../../test/law-examples.ts';
import { calculate, createRuleBook, paramAt } from './index.ts';

/**
 * Every published worked example replayed through the engine. The examples are kept in
 * test/fixtures/examples.json, a copy of shared/domain/examples.json, so a fresh clone tests alone;
 * when the shared file sits beside the repository, the copy is checked to be current. The same
 * cases run through HTTP (calc.http.test.ts) and the CLI (calc.cli.test.ts).
 */
const book = createRuleBook();
const engine: ExampleApi = {
  calc: async (kind, input) => calculate(kind, input, { book }),
  param: async (key, date, scope) => paramAt(book, key, date, scope),
};

const SHARED = new URL('../../../../shared/domain/examples.json', import.meta.url);
describe.skipIf(!existsSync(SHARED))('the examples fixture', () => {
  it('is a current copy of shared/domain/examples.json', () => {
    expect(JSON.parse(readFileSync(SHARED, 'utf8'))).toEqual(
      JSON.parse(readFileSync(EXAMPLES_FIXTURE, 'utf8')),
    );
  });
});

describe('published examples through the engine', () => {
  it('has a case for every example and no case without an example', () => {
    expect(Object.keys(CASES).sort()).toEqual(examples.map((e) => e.id).sort());
  });

  for (const test of exampleTests(() => engine)) it(test.title, test.run);
});
