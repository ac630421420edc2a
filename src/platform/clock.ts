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

/** The calendar date in Vietnam (UTC+7, no daylight saving) as YYYY-MM-DD. */
export function vietnamDate(clock: Clock): string {
  return new Date(clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
