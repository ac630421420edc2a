import type { ErrorTable } from '../../server/errors.ts';

export const orgsErrors = {
  'org.not_found': {
    status: 404,
    vi: 'Không tìm thấy đơn vị tổ chức {id}, hoặc đơn vị nằm ngoài phạm vi của bạn.',
    en: 'Organisation unit {id} not found, or outside your scope.',
  },
  'org.duplicate_code': {
    status: 409,
    vi: 'Mã đơn vị "{code}" đã được dùng cho "{name}". Hãy chọn mã khác.',
    en: 'Unit code "{code}" is already used by "{name}". Choose another code.',
  },
  'org.invalid_parent': {
    status: 400,
    vi: 'Đơn vị loại "{kind}" không thể trực thuộc "{parentKind}". Cấp trên hợp lệ: {allowed}.',
    en: 'A "{kind}" unit cannot sit under a "{parentKind}". Valid parents: {allowed}.',
  },
  'org.commune_outside_parent': {
    status: 400,
    vi: 'Xã {code} nằm ngoài địa bàn phục vụ của đơn vị cấp trên. Chỉ chọn xã thuộc địa bàn của "{parent}".',
    en: 'Commune {code} lies outside the parent unit\'s service area ("{parent}").',
  },
} satisfies ErrorTable;
