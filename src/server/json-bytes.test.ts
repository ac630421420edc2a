import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate, createRuleBook } from '../domain/law/index.ts';
import { jsonBytes } from './json-bytes.ts';

const identical = (value: unknown) => jsonBytes(value).equals(Buffer.from(JSON.stringify(value)));
const same = (value: unknown) => expect(jsonBytes(value).toString('utf8')).toBe(JSON.stringify(value));

describe('jsonBytes', () => {
  it('gives the bytes of JSON.stringify for any JSON value, Vietnamese and emoji included', () => {
    fc.assert(fc.property(fc.jsonValue(), identical), { numRuns: 2000 });
    fc.assert(fc.property(fc.jsonValue({ stringUnit: 'binary' }), identical), { numRuns: 2000 });
  });

  it('escapes quotes, control characters and lone surrogates as JSON.stringify does', () => {
    same({ a: 'say "hi"\n\t\\', b: '\u0000\u001f\u007f', c: '\ud800 x \udfff', d: 'Nhà nước hỗ trợ' });
  });

  it('leaves out undefined and functions in objects and writes null for them in arrays', () => {
    same({
      a: undefined,
      b: () => 1,
      c: [undefined, () => 1, Number.NaN, Number.POSITIVE_INFINITY],
      d: null,
    });
  });

  it('uses toJSON, as for dates', () => {
    same({ at: new Date('2026-12-03T05:00:00Z') });
  });

  it('answers the same twice, once from its memo of labels', () => {
    const book = createRuleBook();
    const outcome = calculate(
      'vsi-quote',
      { paymentDate: '2025-08-14', monthlyIncome: 1_500_000, mode: 'quarterly', categories: ['near_poor'] },
      { book, lang: 'vi', today: '2026-12-03' },
    );
    expect(outcome.ok).toBe(true);
    const first = jsonBytes(outcome.ok && outcome.result);
    const second = jsonBytes(outcome.ok && outcome.result);
    expect(first.toString('utf8')).toContain('Tiền Nhà nước hỗ trợ mỗi tháng');
    expect(second.equals(first)).toBe(true);
    same(outcome.ok && outcome.result);
  });
});
