/**
 * The 34 provinces as a tile grid: one square each, placed roughly where the province lies, north
 * at the top. Drawn by hand from the map of 1 July 2025; no geodata, so nothing to license.
 */
export interface Tile {
  code: string;
  short: string;
  row: number;
  col: number;
}

export const PROVINCE_TILES: readonly Tile[] = [
  { code: '12', short: 'Lai Châu', row: 0, col: 1 },
  { code: '15', short: 'Lào Cai', row: 0, col: 2 },
  { code: '08', short: 'Tuyên Quang', row: 0, col: 3 },
  { code: '04', short: 'Cao Bằng', row: 0, col: 4 },
  { code: '11', short: 'Điện Biên', row: 1, col: 0 },
  { code: '14', short: 'Sơn La', row: 1, col: 1 },
  { code: '25', short: 'Phú Thọ', row: 1, col: 2 },
  { code: '19', short: 'Thái Nguyên', row: 1, col: 3 },
  { code: '20', short: 'Lạng Sơn', row: 1, col: 4 },
  { code: '01', short: 'Hà Nội', row: 2, col: 2 },
  { code: '24', short: 'Bắc Ninh', row: 2, col: 3 },
  { code: '22', short: 'Quảng Ninh', row: 2, col: 4 },
  { code: '37', short: 'Ninh Bình', row: 3, col: 2 },
  { code: '33', short: 'Hưng Yên', row: 3, col: 3 },
  { code: '31', short: 'Hải Phòng', row: 3, col: 4 },
  { code: '38', short: 'Thanh Hóa', row: 4, col: 2 },
  { code: '40', short: 'Nghệ An', row: 5, col: 2 },
  { code: '42', short: 'Hà Tĩnh', row: 6, col: 3 },
  { code: '44', short: 'Quảng Trị', row: 7, col: 3 },
  { code: '46', short: 'Huế', row: 8, col: 3 },
  { code: '48', short: 'Đà Nẵng', row: 9, col: 4 },
  { code: '51', short: 'Quảng Ngãi', row: 10, col: 4 },
  { code: '52', short: 'Gia Lai', row: 11, col: 4 },
  { code: '66', short: 'Đắk Lắk', row: 12, col: 3 },
  { code: '56', short: 'Khánh Hòa', row: 12, col: 4 },
  { code: '68', short: 'Lâm Đồng', row: 13, col: 3 },
  { code: '80', short: 'Tây Ninh', row: 14, col: 1 },
  { code: '75', short: 'Đồng Nai', row: 14, col: 2 },
  { code: '91', short: 'An Giang', row: 15, col: 0 },
  { code: '82', short: 'Đồng Tháp', row: 15, col: 1 },
  { code: '79', short: 'TP. Hồ Chí Minh', row: 15, col: 2 },
  { code: '92', short: 'Cần Thơ', row: 16, col: 0 },
  { code: '86', short: 'Vĩnh Long', row: 16, col: 1 },
  { code: '96', short: 'Cà Mau', row: 17, col: 0 },
];

/**
 * Coverage of the labour force as a tile's colour band, 1 (pale) to 5 (dark), 0 without a labour
 * force to divide by. The bands are ten points apart from 20% to 50%: provinces spread from under
 * a fifth (the mountains) to over half (the industrial belts), the country sits near 40%.
 */
export const COVERAGE_STEPS: readonly number[] = [0.2, 0.3, 0.4, 0.5];

export function coverageBand(coverage: number | null): number {
  if (coverage === null) return 0;
  return 1 + COVERAGE_STEPS.filter((step) => coverage >= step).length;
}
