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
  if (Math.abs(n) < 100_000) return exactVi(n);
  const [unit, word] = UNITS.find(([u]) => Math.abs(n) >= u)!;
  const rounded = Math.round((n / unit) * 10) / 10;
  const back = rounded * unit;
  const qualifier = n > back ? 'hơn ' : n < back ? 'gần ' : '';
  return `${qualifier}${decimalVi(rounded, 1)} ${word}`;
}

/** 0.3247 → "32,47%". */
export function pressPercent(ratio: number, decimals = 2): string {
  return `${decimalVi(ratio * 100, decimals)}%`;
}

/** "tăng 2,77%" or "giảm 1,2%" from a growth ratio. */
export function pressGrowth(ratio: number, decimals = 2): string {
  return ratio >= 0 ? `tăng ${pressPercent(ratio, decimals)}` : `giảm ${pressPercent(-ratio, decimals)}`;
}

/** "quý I/2022" for the last day of a quarter, else "ngày 08/05/2022". */
export function pressDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const quarterEnd = [3, 6, 9, 12].includes(m) && d === new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (quarterEnd) return `quý ${['I', 'II', 'III', 'IV'][m / 3 - 1]}/${y}`;
  return `ngày ${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}
