import type { ErrorTable } from '../../server/errors.ts';

export const unitsErrors = {
  'unit.not_found': {
    status: 404,
    vi: 'Không có đơn vị hành chính mã {code}. Mã tỉnh có 2 chữ số, mã xã có 5 chữ số.',
    en: 'No administrative unit with code {code}. Province codes have 2 digits, commune codes 5.',
  },
  'unit.unknown_province': {
    status: 400,
    vi: 'Mã tỉnh {code} không tồn tại. Hãy dùng một trong 34 mã tỉnh hiện hành (ví dụ 01 Hà Nội, 79 TP. Hồ Chí Minh).',
    en: 'Province code {code} does not exist. Use one of the 34 current province codes (e.g. 01 Hà Nội).',
  },
  'unit.unknown_commune': {
    status: 400,
    vi: 'Mã xã {code} không tồn tại trong danh mục 3.321 xã, phường, đặc khu hiện hành.',
    en: 'Commune code {code} is not one of the 3,321 current communes.',
  },
} satisfies ErrorTable;
