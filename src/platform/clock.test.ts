import { describe, expect, it } from 'vitest';
import { fixedClock, vietnamDate, vietnamTime } from './clock.ts';

describe('vietnamDate', () => {
  it('turns to the next day at 17:00 UTC, midnight in Vietnam, and back when the clock goes back', () => {
    const clock = fixedClock('2026-12-03T16:59:59.999Z');
    expect(vietnamDate(clock)).toBe('2026-12-03');
    clock.advance(1);
    expect(vietnamDate(clock)).toBe('2026-12-04');
    clock.set('2026-12-03T10:00:00Z');
    expect(vietnamDate(clock)).toBe('2026-12-03');
    clock.set('1969-12-31T20:00:00Z');
    expect(vietnamDate(clock)).toBe('1970-01-01');
    clock.set('1969-12-31T16:00:00Z');
    expect(vietnamDate(clock)).toBe('1969-12-31');
  });
});

describe('vietnamTime', () => {
  it('reads a moment as the clock on a wall in Vietnam shows it, into the next day after 17:00 UTC', () => {
    expect(vietnamTime(new Date('2026-03-16T01:05:00Z'))).toBe('08:05 16/03/2026');
    expect(vietnamTime(new Date('2026-12-31T17:30:00Z'))).toBe('00:30 01/01/2027');
  });
});
