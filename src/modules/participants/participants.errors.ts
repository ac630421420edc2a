import type { ErrorTable } from '../../server/errors.ts';

export const participantsErrors = {
  'participant.not_found': {
    status: 404,
    vi: 'Không tìm thấy người tham gia {id}, hoặc người này nằm ngoài địa bàn của bạn.',
    en: 'Participant {id} not found, or outside your area.',
  },
  'participant.duplicate_id': {
    status: 409,
    vi: 'Số định danh {maskedId} đã được đăng ký tại {unit}. Không tạo hồ sơ thứ hai; hãy liên hệ đơn vị đó nếu cần chuyển hồ sơ.',
    en: 'Personal ID {maskedId} is already registered at {unit}. No second record is created; contact that unit to transfer it.',
  },
  'participant.invalid_personal_id': {
    status: 400,
    vi: 'Số định danh cá nhân không hợp lệ: {reasons}',
    en: 'Invalid personal ID: {reasons}',
  },
  'participant.not_eligible': {
    status: 400,
    vi: 'Chưa đủ điều kiện tham gia BHXH tự nguyện: {reasons}',
    en: 'Not eligible for voluntary SI: {reasons}',
  },
  'participant.commune_outside_scope': {
    status: 403,
    vi: 'Xã {commune} nằm ngoài địa bàn của bạn. Chỉ đăng ký người cư trú trong địa bàn đơn vị mình phục vụ.',
    en: 'Commune {commune} is outside your area. Enroll only people living where your unit serves.',
  },
  'participant.invalid_start_month': {
    status: 400,
    vi: 'Tháng bắt đầu {month} không hợp lệ: chọn từ tháng {from} đến tháng {to}.',
    en: 'Start month {month} is not allowed: choose from {from} to {to}.',
  },
  'participant.no_unit': {
    status: 400,
    vi: 'Cần chỉ rõ đơn vị quản lý hồ sơ (orgUnitId).',
    en: 'The unit holding the record (orgUnitId) is required.',
  },
  'participant.unit_does_not_serve': {
    status: 400,
    vi: 'Đơn vị "{unit}" không phục vụ xã {commune}. Hồ sơ phải do một đơn vị phục vụ nơi người đó cư trú quản lý.',
    en: 'Unit "{unit}" does not serve commune {commune}. A record is held by a unit serving where the person lives.',
  },
  'participant.already_enrolled': {
    status: 409,
    vi: 'Người này đã có đăng ký BHXH tự nguyện (trạng thái: {status}).',
    en: 'This person already has a voluntary SI enrollment (status: {status}).',
  },
  'participant.final_status': {
    status: 409,
    vi: 'Đăng ký đã kết thúc ({status}); không thể thay đổi trạng thái này.',
    en: 'The enrollment has ended ({status}); this status cannot change.',
  },
} satisfies ErrorTable;
