import { describe, expect, it } from 'vitest';
import { coverageBand, PROVINCE_TILES } from './tile-map.ts';

describe('the tile map', () => {
  it('has one tile for each of the 34 provinces, no two on the same square', () => {
    expect(PROVINCE_TILES).toHaveLength(34);
    expect(new Set(PROVINCE_TILES.map((t) => t.code)).size).toBe(34);
    expect(new Set(PROVINCE_TILES.map((t) => `${t.row}:${t.col}`)).size).toBe(34);
  });

  it('puts Hà Nội north of Huế and Huế north of Hồ Chí Minh City, Cà Mau at the bottom', () => {
    const row = (code: string) => PROVINCE_TILES.find((t) => t.code === code)!.row;
    expect(row('01')).toBeLessThan(row('46'));
    expect(row('46')).toBeLessThan(row('79'));
    expect(Math.max(...PROVINCE_TILES.map((t) => t.row))).toBe(row('96'));
  });
});

describe('the map by coverage', () => {
  it.each([
    [null, 0],
    [0, 1],
    [0.1999, 1],
    [0.2, 2],
    [0.3247, 3],
    [0.4, 4],
    [0.5, 5],
    [0.92, 5],
  ])('colours a coverage of %s in band %i', (coverage, band) => {
    expect(coverageBand(coverage)).toBe(band);
  });
});
