/**
 * Demo denominators, flagged is_demo. They are shaped on the national figures the 2022 campaign
 * quoted (16.4 million SI participants = 32.47% of the working-age labour force at the end of
 * Q1/2022, of whom about 1.3 million voluntary, up 2.77% and 16.09% on a year) and spread over today's 34 provinces by rough
 * population weights. Real figures come from the GSO and VSS through `diemtua denominators import`.
 */

// Approximate population in millions of today's provinces (after the 2025 mergers).
const POPULATION: Record<string, number> = {
  '01': 8.7,
  '04': 0.57,
  '08': 1.87,
  '11': 0.65,
  '12': 0.49,
  '14': 1.3,
  '15': 1.78,
  '19': 1.8,
  '20': 0.8,
  '22': 1.38,
  '24': 3.62,
  '25': 4.02,
  '31': 4.66,
  '33': 3.57,
  '37': 4.41,
  '38': 4.3,
  '40': 3.85,
  '42': 1.62,
  '44': 1.87,
  '46': 1.43,
  '48': 3.07,
  '51': 2.16,
  '52': 3.58,
  '56': 2.24,
  '66': 3.35,
  '68': 3.87,
  '75': 4.49,
  '79': 14.0,
  '80': 3.25,
  '82': 4.37,
  '86': 4.26,
  '91': 4.95,
  '92': 4.2,
  '96': 2.6,
};
// Where industry is, compulsory coverage is higher.
const INDUSTRIAL: Record<string, number> = {
  '01': 1.6,
  '79': 2.0,
  '75': 1.8,
  '24': 1.7,
  '31': 1.5,
  '33': 1.3,
  '22': 1.4,
  '48': 1.3,
  '19': 1.2,
  '80': 1.2,
};

// as_of, working-age labour force, compulsory participants, voluntary participants recorded outside
// Điểm Tựa (national). Chosen so the Q1/2022 bulletin reads as the press wrote it: hơn 16,4 triệu,
// 32,47% of the labour force, +2,77% on a year; gần 1,3 triệu voluntary, +16,09%.
const SNAPSHOTS = [
  ['2021-03-31', 49_600_000, 14_857_158, 1_116_375],
  ['2022-03-31', 50_557_000, 15_120_000, 1_296_000],
  ['2025-06-30', 51_800_000, 17_300_000, 1_950_000],
  ['2026-06-30', 52_100_000, 17_800_000, 2_250_000],
] as const;

function spread(total: number, weights: Record<string, number>): Record<string, number> {
  const sum = Object.values(weights).reduce((a, b) => a + b, 0);
  const out: Record<string, number> = {};
  let given = 0;
  const codes = Object.keys(weights).sort();
  codes.forEach((code, i) => {
    // The last province takes the remainder, so provinces add up to the national figure exactly.
    out[code] = i === codes.length - 1 ? total - given : Math.round((total * weights[code]!) / sum);
    given += out[code]!;
  });
  return out;
}

export const DEMO_DENOMINATORS = SNAPSHOTS.flatMap(([asOf, labour, compulsory, outside]) => {
  const labourBy = spread(labour, POPULATION);
  const compulsoryWeights = Object.fromEntries(
    Object.entries(POPULATION).map(([code, pop]) => [code, pop * (INDUSTRIAL[code] ?? 0.8)]),
  );
  const compulsoryBy = spread(compulsory, compulsoryWeights);
  const outsideBy = spread(outside, POPULATION);
  return Object.keys(POPULATION).map((provinceCode) => ({
    provinceCode,
    asOf,
    labourForce: labourBy[provinceCode]!,
    compulsoryParticipants: compulsoryBy[provinceCode]!,
    voluntaryOutside: outsideBy[provinceCode]!,
    source: 'Số liệu minh họa (demo)',
  }));
});
