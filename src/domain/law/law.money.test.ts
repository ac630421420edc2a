import { describe, expect, it } from 'vitest';
import { mulDivRound, PPM, toPpm } from './law.money.ts';

describe('exact money arithmetic', () => {
  it('reads decimal rates as exact parts per million', () => {
    expect([toPpm(0.22), toPpm(0.045), toPpm(0.006583), toPpm(1.5)]).toEqual([
      220_000, 45_000, 6_583, 1_500_000,
    ]);
    expect(toPpm(0.0065831)).toBeNaN();
  });

  it('rounds half up to the đồng', () => {
    expect(mulDivRound(1_502_275, 220_000, 1, PPM)).toBe(330_501); // 330,500.5
    expect(mulDivRound(1_502_270, 220_000, 1, PPM)).toBe(330_499); // 330,499.4
    expect(mulDivRound(250_000, 220_000, 700_000, PPM * PPM)).toBe(38_500);
  });

  it('stays exact when the product passes 2^53', () => {
    // 45,000 × 700,000 × 2,340,000 = 7.371e16 > 2^53
    expect(mulDivRound(45_000, 700_000, 2_340_000, PPM * PPM)).toBe(73_710);
    expect(mulDivRound(999_999, 999_999, 99_999_999, PPM * PPM)).toBe(99_999_799);
  });
});
