import type { ErrorTable } from '../../server/errors.ts';

export const usersErrors = {
  'user.not_found': {
    status: 404,
    vi: 'Không tìm thấy người dùng {id}, hoặc người dùng nằm ngoài phạm vi của bạn.',
    en: 'User {id} not found, or outside your scope.',
  },
  'user.duplicate_username': {
    status: 409,
    vi: 'Tên đăng nhập "{username}" đã có người dùng. Hãy chọn tên khác.',
    en: 'The username "{username}" is taken. Choose another.',
  },
  'user.role_not_allowed': {
    status: 403,
    vi: 'Bạn không thể gán hoặc quản lý vai trò {role}: chỉ được quản lý vai trò thấp hơn vai trò của mình.',
    en: 'You cannot assign or manage the {role} role: only roles below your own.',
  },
  'user.unit_outside_scope': {
    status: 403,
    vi: 'Đơn vị "{unit}" nằm ngoài đơn vị của bạn. Chỉ tạo người dùng trong đơn vị mình và các đơn vị trực thuộc.',
    en: 'Unit "{unit}" is outside your own unit and its sub-units.',
  },
  'user.weak_password': {
    status: 400,
    vi: 'Mật khẩu phải có ít nhất {min} ký tự.',
    en: 'The password needs at least {min} characters.',
  },
  'user.invalid_role': {
    status: 400,
    vi: 'Vai trò "{role}" không tồn tại. Vai trò hợp lệ: {allowed}.',
    en: 'Unknown role "{role}". Valid roles: {allowed}.',
  },
  'user.self_change': {
    status: 400,
    vi: 'Bạn không thể tự đổi vai trò hoặc tự vô hiệu hóa tài khoản của mình.',
    en: 'You cannot change your own role or disable your own account.',
  },
} satisfies ErrorTable;
