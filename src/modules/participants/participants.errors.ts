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
  'participant.no_enrollment': {
    status: 409,
    vi: 'Người này chưa đăng ký BHXH tự nguyện: chưa có kỳ đóng nào để giao người thu.',
    en: 'This person has no voluntary SI enrollment: there is no payment to assign a collector for.',
  },
  'participant.agent_not_found': {
    status: 400,
    vi: 'Không tìm thấy người thu {id} trong địa bàn của bạn.',
    en: 'Collector {id} was not found in your area.',
  },
  'participant.not_a_collector': {
    status: 400,
    vi: '{name} không phải đại lý thu hoặc nhân viên thu đang làm việc; chỉ giao cho người thu có tài khoản đang dùng.',
    en: '{name} is not a working collection agent; assign only a collector whose account is in use.',
  },
  'participant.agent_not_serving': {
    status: 400,
    vi: '{name} ({unit}) không phục vụ {commune}. Chọn người thu của đơn vị phục vụ nơi người tham gia cư trú.',
    en: '{name} ({unit}) does not serve {commune}. Choose a collector of a unit serving where the person lives.',
  },
  'participant.end_in_future': {
    status: 400,
    vi: 'Ngày {date} chưa đến (hôm nay là {today}). Chỉ ghi nhận nghỉ hưu, nhận BHXH một lần hoặc đã mất khi việc đó đã xảy ra: chọn một ngày đến hôm nay.',
    en: '{date} has not come yet (today is {today}). Record a retirement, lump-sum withdrawal or death once it has happened: pick a date up to today.',
  },
} satisfies ErrorTable;
