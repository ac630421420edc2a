import type { ErrorTable } from '../../server/errors.ts';

export const tokensErrors = {
  'token.not_found': {
    status: 404,
    vi: 'Không tìm thấy mã truy cập {id}.',
    en: 'API token {id} not found.',
  },
  'token.expiry_in_past': {
    status: 400,
    vi: 'Ngày hết hạn {expiresAt} đã qua. Hãy chọn một ngày trong tương lai, hoặc để trống.',
    en: 'The expiry {expiresAt} is in the past. Pick a future date, or leave it empty.',
  },
} satisfies ErrorTable;
