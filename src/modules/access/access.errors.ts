import type { ErrorTable } from '../../server/errors.ts';

export const accessErrors = {
  'auth.required': {
    status: 401,
    vi: 'Bạn cần đăng nhập để tiếp tục.',
    en: 'Please sign in to continue.',
  },
  'auth.invalid_credentials': {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  'auth.locked': {
    status: 423,
    vi: 'Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau {until}.',
    en: 'This account is locked after repeated failed sign-ins. Try again after {until}.',
  },
  'auth.disabled': {
    status: 403,
    vi: 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên.',
    en: 'This account is disabled. Contact your administrator.',
  },
  'auth.rate_limited': {
    status: 429,
    vi: 'Bạn đã thử đăng nhập quá nhiều lần. Vui lòng đợi {after} rồi thử lại.',
    en: 'Too many sign-in attempts. Wait {after} and try again.',
  },
  'auth.csrf': {
    status: 403,
    vi: 'Phiên làm việc không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang.',
    en: 'Missing or wrong anti-forgery token. Reload the page.',
  },
  'auth.invalid_token': {
    status: 401,
    vi: 'Mã truy cập API không hợp lệ, đã hết hạn hoặc đã bị thu hồi.',
    en: 'The API token is invalid, expired or revoked.',
  },
  'auth.forbidden': {
    status: 403,
    vi: 'Vai trò {role} không được phép {action}.',
    en: 'The {role} role may not {action}.',
  },
} satisfies ErrorTable;
