import type { ErrorTable } from '../../server/errors.ts';

export const renewalsErrors = {
  'job.future_date': {
    status: 400,
    vi: 'Không chạy việc hằng ngày cho ngày {date} trong tương lai; hôm nay là {today}. Hãy chọn hôm nay hoặc một ngày đã qua.',
    en: 'The daily job cannot run for {date}, a future date; today is {today}. Pick today or a past date.',
  },
  'reminder.no_consent': {
    status: 409,
    vi: '{name} chưa đồng ý nhận tin nhắc đóng, nên không gửi được (Nghị định 13/2023 về bảo vệ dữ liệu cá nhân). Hãy hỏi ý kiến người này và ghi nhận đồng ý trong hồ sơ trước.',
    en: '{name} has not agreed to receive payment reminders, so none can be sent (Decree 13/2023 on personal data). Ask them and record their consent in the profile first.',
  },
  'reminder.no_phone': {
    status: 409,
    vi: 'Hồ sơ của {name} chưa có số điện thoại để gửi tin nhắc đóng. Hãy bổ sung số điện thoại trong hồ sơ trước.',
    en: "{name}'s record has no phone number to send a payment reminder to. Add one to the profile first.",
  },
  'reminder.no_enrollment': {
    status: 409,
    vi: '{name} chưa đăng ký BHXH tự nguyện: chưa có kỳ đóng nào để nhắc. Nhắc gia hạn BHYT hộ gia đình từ trang của hộ.',
    en: '{name} has no voluntary SI enrollment: there is no payment to remind them of. Remind a household HI renewal from the household page.',
  },
  'reminder.ended': {
    status: 409,
    vi: 'Đăng ký BHXH tự nguyện của {name} đã kết thúc (nghỉ hưu, nhận BHXH một lần hoặc đã mất): không còn kỳ đóng nào để nhắc.',
    en: "{name}'s voluntary SI enrollment has ended (retired, lump sum withdrawn or deceased): there is nothing left to remind them of.",
  },
  'reminder.nothing_due': {
    status: 409,
    vi: '{name} không có kỳ đóng nào đang chờ nộp: không có gì để nhắc.',
    en: '{name} has no payment waiting: there is nothing to remind them of.',
  },
  'reminder.overdue': {
    status: 409,
    vi: 'Hạn nộp của {name} đã qua ({dueDate}). Tin nhắc đóng chỉ gửi trước hạn nộp; người đã quá hạn hoặc dừng đóng cần được gọi điện hay gặp trực tiếp để vận động đóng tiếp.',
    en: "{name}'s deadline has passed ({dueDate}). Payment reminders go out only before the deadline; someone overdue or lapsed needs a call or a visit to win them back.",
  },
  'reminder.not_due_yet': {
    status: 409,
    vi: 'Kỳ đóng tới của {name} có hạn nộp {dueDate}, còn hơn 62 ngày: chưa đến lúc nhắc. Hệ thống tự nhắc khi còn 15, 7 và 0 ngày.',
    en: "{name}'s next payment is due on {dueDate}, more than 62 days away: too early to remind. Reminders go out by themselves 15, 7 and 0 days before.",
  },
  'reminder.already_sent': {
    status: 409,
    vi: 'Đã nhắc {name} đóng kỳ từ tháng {month} lúc {at}. Mỗi kỳ chỉ gửi một tin nhắc; xem tin đã gửi ở màn hình Nhắc đóng.',
    en: '{name} was already reminded of the period from {month} at {at}. Each period gets one reminder only; see it on the Reminders screen.',
  },
  'reminder.not_found': {
    status: 404,
    vi: 'Không tìm thấy tin nhắc đóng số {id} trong địa bàn của bạn.',
    en: 'Reminder {id} was not found in your area.',
  },
  'reminder.not_failed': {
    status: 409,
    vi: 'Tin nhắc đóng cho {name} không ở trạng thái gửi lỗi, nên không cần gửi lại. Chỉ tin đã gửi lỗi hết số lần thử mới gửi lại được.',
    en: 'The reminder to {name} has not failed, so there is nothing to send again. Only a reminder that failed every try can be resent.',
  },
} satisfies ErrorTable;
