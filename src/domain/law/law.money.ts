/**
 * Exact money arithmetic. Money is integer đồng; rates are integers in parts per million (ppm), so
 * 22% is 220000 and 0.6583% is 6583. Products stay exact while they fit in 2^53 and fall back to BigInt
 * when they do not, so no float ever touches a monthly amount.
 */

export const PPM = 1_000_000;

/** A decimal rate (0.22) as an exact integer ppm (220000); NaN when it has more than 6 decimals. */
export function toPpm(rate: number): number {
  const scaled = rate * PPM;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : Number.NaN;
}

/** ⌊n / d + 1/2⌋ for non-negative safe integers n and positive d: rounding half up, exactly. */
function divRoundHalfUp(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return 2 * r >= d ? q + 1 : q;
}

/**
 * round_half_up(a × b × c / d) for non-negative integers, exact. `c` defaults to 1.
 * Used as `mulDivRound(incomeVnd, ratePpm, 1, PPM)` or `mulDivRound(pctPpm, ratePpm, cn, PPM * PPM)`.
 */
export function mulDivRound(a: number, b: number, c: number, d: number): number {
  const ab = a * b;
  if (Number.isSafeInteger(ab)) {
    const abc = ab * c;
    if (Number.isSafeInteger(abc) && Number.isSafeInteger(2 * abc + d)) return divRoundHalfUp(abc, d);
  }
  const n = BigInt(a) * BigInt(b) * BigInt(c);
  const big = BigInt(d);
  return Number((2n * n + big) / (2n * big));
}

/** Rounds a non-negative float sum half up to the đồng: only for the discounted and compounded sums. */
export function roundSum(value: number): number {
  return Math.floor(value + 0.5);
}
