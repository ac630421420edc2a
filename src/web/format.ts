/**
 * Numbers and dates the Vietnamese way in both languages: 1.234.567 and dd/MM/yyyy, so a figure
 * reads the same on every screen and in every printed report.
 */

export function formatNumber(value: number | null | undefined, fractionDigits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const sign = value < 0 ? '-' : '';
  const fixed = Math.abs(value).toFixed(fractionDigits);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction ? `${sign}${grouped},${fraction}` : `${sign}${grouped}`;
}

/** 0.3247 → "32,47%". */
export function formatPercent(ratio: number | null | undefined, fractionDigits = 2): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${formatNumber(ratio * 100, fractionDigits)}%`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date ('2025-07-01') is shown as is; a timestamp is shown in the browser's time zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${formatDate(value)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export const DATE_FORMAT = 'DD/MM/YYYY';

/** Today's calendar date in Vietnam (UTC+7, no daylight saving), whatever the device's time zone. */
export function vietnamToday(now = Date.now()): string {
  return new Date(now + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Integer đồng: 330000 → "330.000 đ". */
export function formatVnd(amount: number): string {
  return `${formatNumber(amount)} đ`;
}

/** A month 'YYYY-MM' → "05/2042". */
export function formatMonth(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/** A decimal rate without trailing zeros: 0.47 → "47%", 0.006583 → "0,6583%". */
export function formatRate(rate: number): string {
  return `${(rate * 100)
    .toFixed(4)
    .replace(/\.?0+$/, '')
    .replace('.', ',')}%`;
}

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** A timestamp on Vietnam's wall clock (UTC+7): campaign times read the same on every device. */
export function formatVietnamDateTime(value: string | null | undefined, seconds = false): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const iso = new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString();
  const time = iso.slice(11, seconds ? 19 : 16);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${time}`;
}

/** Only the time of day in Vietnam: "14:05:09". */
export function formatVietnamTime(value: string): string {
  return formatVietnamDateTime(value, true).slice(11);
}

/** A date and a time picked on a Vietnamese wall clock ('2026-05-08', '08:00') as an instant. */
export function vietnamInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00+07:00`).toISOString();
}

/** The reverse of vietnamInstant: an instant as Vietnam's wall clock, '2026-05-08T08:00', for a picker. */
export function vietnamWallClock(value: string): string {
  return new Date(new Date(value).getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}
