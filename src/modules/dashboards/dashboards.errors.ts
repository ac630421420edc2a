import type { ErrorTable } from '../../server/errors.ts';

export const dashboardsErrors = {
  'dashboard.scope_outside': {
    status: 403,
    vi: '{place} nằm ngoài địa bàn của bạn; bảng điều hành chỉ hiện số liệu trong địa bàn bạn phụ trách.',
    en: '{placeEn}: outside your area; the dashboard shows only the area you serve.',
  },
  'dashboard.not_found': {
    status: 404,
    vi: 'Không tìm thấy {what}.',
    en: 'No {whatEn} was found.',
  },
  'dashboard.one_level': {
    status: 400,
    vi: 'Chỉ chọn một cấp để xem (tỉnh, đơn vị, xã hoặc nhân viên), không chọn cùng lúc {fields}.',
    en: 'Choose one level to look at (province, unit, commune or agent), not {fields} together.',
  },
  'dashboard.unit_level': {
    status: 400,
    vi: '{name} là đơn vị cấp tỉnh hoặc trung ương: hãy xem bảng điều hành của tỉnh hoặc toàn quốc.',
    en: '{name} is a provincial or national unit: open the province’s or the national dashboard instead.',
  },
} satisfies ErrorTable;
