/**
 * Numbers the way the Vietnamese press writes them: "hơn 16,4 triệu", "gần 1,3 triệu", "32,47%".
 * A figure is rounded to one decimal of its unit; "hơn" when the true value is above the rounded
 * one, "gần" when below, nothing when equal. Below 100,000 the exact number is written: "32.870".
 */
const UNITS = [
  [1_000_000_000, 'tỷ'],
  [1_000_000, 'triệu'],
  [1_000, 'nghìn'],
] as const;

function decimalVi(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  const [whole, frac] = fixed.split('.') as [string, string?];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const trimmed = frac?.replace(/0+$/, '');
  return trimmed ? `${grouped},${trimmed}` : grouped;
}

export function exactVi(n: number): string {
  return decimalVi(Math.round(n), 0);
}

export function pressNumber(n: number): string {
  const whole = Math.round(n);
  if (Math.abs(whole) < 100_000) return exactVi(whole);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  // Tenths of the unit, in integers: 16.4 × 1e6 is 16399999.99… in floating point, which would
  // call an exact 16,400,000 "hơn". 999,960 rounds to 1,000 thousand: written as the next unit.
  let i = UNITS.findIndex(([u]) => abs >= u);
  let tenths = Math.round((abs * 10) / UNITS[i]![0]);
  if (tenths >= 10_000 && i > 0) {
    i -= 1;
    tenths = Math.round((abs * 10) / UNITS[i]![0]);
  }
  const [unit, word] = UNITS[i]!;
  const back = (tenths * unit) / 10;
  const qualifier = abs > back ? 'hơn ' : abs < back ? 'gần ' : '';
  return `${qualifier}${sign}${decimalVi(tenths / 10, 1)} ${word}`;
}

/** 0.3247 → "32,47%". */
export function pressPercent(ratio: number, decimals = 2): string {
  return `${decimalVi(ratio * 100, decimals)}%`;
}

/** "tăng 2,77%" or "giảm 1,2%" from a growth ratio; "không đổi" when it rounds to nothing. */
export function pressGrowth(ratio: number, decimals = 2): string {
  const shown = pressPercent(Math.abs(ratio), decimals);
  if (/^0%$/.test(shown)) return 'không đổi';
  return ratio >= 0 ? `tăng ${shown}` : `giảm ${shown}`;
}

/** "quý I/2022" for the last day of a quarter, else "ngày 08/05/2022". */
export function pressDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const quarterEnd = [3, 6, 9, 12].includes(m) && d === new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (quarterEnd) return `quý ${['I', 'II', 'III', 'IV'][m / 3 - 1]}/${y}`;
  return `ngày ${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}
