import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pressDate, pressGrowth, pressNumber, pressPercent } from './press.ts';
import { paceOf, proposeSplit, rebalance } from './targets.ts';

describe('numbers as the press writes them', () => {
  it.each([
    [16_437_000, 'hơn 16,4 triệu'],
    [1_296_000, 'gần 1,3 triệu'],
    [1_300_000, '1,3 triệu'],
    [32_870, '32.870'],
    [276_000, '276 nghìn'],
    [276_430, 'hơn 276,4 nghìn'],
    [2_000_000_000, '2 tỷ'],
    // Exact round figures carry no qualifier (16.4 × 1e6 is not 16,400,000 in floating point).
    [16_400_000, '16,4 triệu'],
    [4_100_000, '4,1 triệu'],
    [8_200_000, '8,2 triệu'],
    [8_300_000, '8,3 triệu'],
    [16_100_000, '16,1 triệu'],
    [1_000_000, '1 triệu'],
    [100_000, '100 nghìn'],
    [99_999, '99.999'],
    // Rounding up to a thousand of a unit is written in the next unit.
    [999_960, 'gần 1 triệu'],
    [999_949, 'hơn 999,9 nghìn'],
    [999_960_000, 'gần 1 tỷ'],
    [1_000_040, 'hơn 1 triệu'],
    [-1_296_000, 'gần -1,3 triệu'],
  ])('%d is "%s"', (n, text) => {
    expect(pressNumber(n)).toBe(text);
  });

  it('says "hơn" only above the figure written, "gần" only below, nothing when equal', () => {
    const scale = { nghìn: 1e3, triệu: 1e6, tỷ: 1e9 } as Record<string, number>;
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: 999_999_999_999 }), (n) => {
        const m = /^(hơn |gần )?([\d.]+(?:,\d)?) (nghìn|triệu|tỷ)$/.exec(pressNumber(n));
        expect(m).not.toBeNull();
        const [whole, tenth = '0'] = m![2]!.replace(/\./g, '').split(',') as [string, string?];
        const written = ((Number(whole) * 10 + Number(tenth)) * scale[m![3]!]!) / 10;
        expect(m![1]).toBe(n > written ? 'hơn ' : n < written ? 'gần ' : undefined);
        expect(Math.abs(n - written)).toBeLessThanOrEqual(scale[m![3]!]! / 20);
      }),
      { numRuns: 2_000 },
    );
  });

  it('writes percentages and growth with a decimal comma', () => {
    expect(pressPercent(0.3247)).toBe('32,47%');
    expect(pressGrowth(0.0277)).toBe('tăng 2,77%');
    expect(pressGrowth(-0.012, 1)).toBe('giảm 1,2%');
    expect(pressGrowth(-0.00001)).toBe('không đổi');
    expect(pressGrowth(0)).toBe('không đổi');
  });

  it('names the end of a quarter', () => {
    expect(pressDate('2022-03-31')).toBe('quý I/2022');
    expect(pressDate('2022-05-08')).toBe('ngày 08/05/2022');
  });
});

describe('splitting a target', () => {
  it('follows potential and adds up exactly', () => {
    const split = proposeSplit(10_000, [
      { id: 'HN', potential: 3_000_000 },
      { id: 'HCM', potential: 5_000_000 },
      { id: 'CB', potential: 200_000 },
    ]);
    expect([...split.values()].reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(split.get('HCM')).toBe(6098);
    expect(split.get('CB')).toBe(244);
  });

  it('weighs past conversion', () => {
    const split = proposeSplit(100, [
      { id: 'a', potential: 1000, conversion: 3 },
      { id: 'b', potential: 1000, conversion: 1 },
    ]);
    expect(split.get('a')).toBe(75);
  });

  it('keeps overrides and shares the rest, refusing overrides above the parent', () => {
    const proposals = new Map([
      ['a', 50],
      ['b', 30],
      ['c', 20],
    ]);
    const result = rebalance(
      100,
      [
        { id: 'a', amount: 60, overridden: true },
        { id: 'b', amount: 30, overridden: false },
        { id: 'c', amount: 20, overridden: false },
      ],
      proposals,
    )!;
    expect(Object.fromEntries(result)).toEqual({ a: 60, b: 24, c: 16 });
    expect(rebalance(100, [{ id: 'a', amount: 120, overridden: true }], proposals)).toBeNull();
  });
});

describe('pace', () => {
  it('compares the share reached with the share of time elapsed and forecasts the end', () => {
    const pace = paceOf({
      target: 10_000,
      actual: 2_000,
      start: '2022-05-01',
      end: '2022-05-31',
      today: '2022-05-10',
    });
    expect(pace.elapsed).toBeCloseTo(10 / 31);
    expect(pace.reached).toBe(0.2);
    expect(pace.forecast).toBe(6200);
    expect(pace.behind).toBe(true);
  });

  it('is not behind before the start', () => {
    expect(
      paceOf({ target: 100, actual: 0, start: '2026-12-01', end: '2026-12-31', today: '2026-11-25' }).behind,
    ).toBe(false);
  });
});
