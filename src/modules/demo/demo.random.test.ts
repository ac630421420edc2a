import { describe, expect, it } from 'vitest';
import { createRandom, personName, phoneNumber } from './demo.random.ts';

describe('demo randomness', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect([a.next(), a.next(), a.next()]).toEqual([b.next(), b.next(), b.next()]);
  });

  it('draws integers inside the bounds', () => {
    const random = createRandom(7);
    const draws = Array.from({ length: 2000 }, () => random.int(3, 5));
    expect(new Set(draws)).toEqual(new Set([3, 4, 5]));
  });

  it('names women with a female middle name and three words', () => {
    const random = createRandom(1);
    const name = personName(random, 'F');
    expect(name.split(' ')).toHaveLength(3);
    expect(['Thị', 'Ngọc', 'Thu', 'Thanh', 'Hồng', 'Kim', 'Minh', 'Phương', 'Bích']).toContain(
      name.split(' ')[1],
    );
  });

  it('makes ten-digit mobile numbers', () => {
    expect(phoneNumber(createRandom(3))).toMatch(/^0\d{9}$/);
  });
});
