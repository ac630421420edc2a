/**
 * One table maps every error code to its HTTP status and its Vietnamese and English messages.
 * Modules declare their codes in `<module>.errors.ts`; this file merges them.
 */
export interface ErrorSpec {
  status: number;
  vi: string;
  en: string;
}
export type ErrorTable = Record<string, ErrorSpec>;
export type Lang = 'vi' | 'en';

export class AppError extends Error {
  /** Every field at fault, when there are several (e.g. the rows of an imported file). */
  fields?: { field: string; message: string }[];

  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** An error whose message is already written (by the law engine, in the caller's language). */
export class DomainError extends Error {
  fields?: { field: string; message: string }[];

  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const commonErrors = {
  'request.invalid': {
    status: 400,
    vi: 'Dữ liệu gửi lên không hợp lệ: {detail}',
    en: 'The request is invalid: {detail}',
  },
  'request.invalid_json': {
    status: 400,
    vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  'request.too_large': { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  'request.unsupported_media': {
    status: 415,
    vi: 'Định dạng dữ liệu không được hỗ trợ.',
    en: 'Unsupported content type.',
  },
  'request.idempotency_conflict': {
    status: 409,
    vi: 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  'request.idempotency_key_invalid': {
    status: 400,
    vi: 'Idempotency-Key phải dài từ 8 đến 128 ký tự (nên dùng một UUID mới cho mỗi thao tác).',
    en: 'Idempotency-Key must be 8 to 128 characters long (use a fresh UUID per action).',
  },
  'request.already_applied': {
    status: 409,
    vi: 'Thao tác này đã được ghi nhận nhưng chưa kịp trả kết quả. Hãy tải lại trang để xem, đừng gửi lại.',
    en: 'This action was recorded, but its answer was lost. Reload to see it; do not send it again.',
  },
  'request.in_progress': {
    status: 409,
    vi: 'Yêu cầu với cùng Idempotency-Key đang được xử lý. Vui lòng thử lại sau vài giây.',
    en: 'A request with the same Idempotency-Key is still being processed. Retry in a few seconds.',
  },
  'route.not_found': { status: 404, vi: 'Không tìm thấy địa chỉ {path}.', en: 'No route {path}.' },
  'record.not_found': {
    status: 404,
    vi: 'Không tìm thấy {what}, hoặc bạn không có quyền xem.',
    en: '{what} not found, or outside your scope.',
  },
  'rate.limited': {
    status: 429,
    vi: 'Quá nhiều yêu cầu. Vui lòng thử lại sau {after}.',
    en: 'Too many requests. Try again in {after}.',
  },
  'server.error': {
    status: 500,
    vi: 'Đã có lỗi phía máy chủ. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên mã {requestId}.',
    en: 'Something went wrong on the server. Try again; if it persists, give the administrator code {requestId}.',
  },
  'server.unavailable': {
    status: 503,
    vi: 'Máy chủ đang bận hoặc đang khởi động lại. Vui lòng thử lại sau ít phút.',
    en: 'The server is busy or restarting. Try again in a few minutes.',
  },
} satisfies ErrorTable;

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}
