/**
 * Deterministic randomness for demo data: the same seed gives the same people and places, so a
 * demo is reproducible and tests can rely on its shape.
 */
export function createRandom(seed: number) {
  // mulberry32: tiny, fast, good enough for picking names.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, int, pick };
}

export type Random = ReturnType<typeof createRandom>;

const SURNAMES = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Huỳnh', 4],
  ['Phan', 4],
  ['Vũ', 4],
  ['Võ', 3],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 2],
  ['Hồ', 2],
  ['Ngô', 2],
  ['Dương', 1],
  ['Lý', 1],
] as const;
const MALE_MIDDLE = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thành', 'Công', 'Xuân', 'Đình', 'Anh'];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Hồng', 'Kim', 'Minh', 'Phương', 'Bích'];
const MALE_GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Duy',
  'Hải',
  'Hiếu',
  'Hùng',
  'Huy',
  'Khánh',
  'Khoa',
  'Long',
  'Lâm',
  'Minh',
  'Nam',
  'Nghĩa',
  'Phong',
  'Phúc',
  'Quân',
  'Sơn',
  'Tài',
  'Thắng',
  'Thành',
  'Trung',
  'Tuấn',
  'Việt',
];
const FEMALE_GIVEN = [
  'Anh',
  'Chi',
  'Diệp',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hoa',
  'Hương',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Mai',
  'My',
  'Nga',
  'Ngân',
  'Nhung',
  'Oanh',
  'Phương',
  'Quỳnh',
  'Tâm',
  'Thảo',
  'Trang',
  'Vân',
  'Yến',
];

const SURNAME_TOTAL = SURNAMES.reduce((sum, [, weight]) => sum + weight, 0);

export function personName(random: Random, sex: 'M' | 'F'): string {
  let roll = random.next() * SURNAME_TOTAL;
  let surname: string = SURNAMES[0][0];
  for (const [name, weight] of SURNAMES) {
    roll -= weight;
    if (roll <= 0) {
      surname = name;
      break;
    }
  }
  const middle = random.pick(sex === 'M' ? MALE_MIDDLE : FEMALE_MIDDLE);
  const given = random.pick(sex === 'M' ? MALE_GIVEN : FEMALE_GIVEN);
  return `${surname} ${middle} ${given}`;
}

/** A plausible Vietnamese mobile number (Viettel, Vinaphone, Mobifone prefixes). */
export function phoneNumber(random: Random): string {
  const prefix = random.pick([
    '086',
    '096',
    '097',
    '098',
    '032',
    '033',
    '088',
    '091',
    '094',
    '070',
    '079',
    '090',
    '093',
  ]);
  return `${prefix}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
}
