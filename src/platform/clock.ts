/** Time is injected: services receive a Clock, tests pass a fixed one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

const DAY_MS = 86_400_000;
let lastDay = { from: 0, to: 0, date: '' };

/** The calendar date in Vietnam (UTC+7, no daylight saving) as YYYY-MM-DD. */
export function vietnamDate(clock: Clock): string {
  const ms = clock.now().getTime() + 7 * 3600_000;
  // The public calculator asks on every request; the answer changes once a day.
  if (ms >= lastDay.from && ms < lastDay.to) return lastDay.date;
  const from = ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
  lastDay = { from, to: from + DAY_MS, date: new Date(from).toISOString().slice(0, 10) };
  return lastDay.date;
}

/** A moment as read in Vietnam (UTC+7): 'HH:MM DD/MM/YYYY', for messages people read. */
export function vietnamTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCHours())}:${two(local.getUTCMinutes())} ${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}
