import type { ErrorTable } from '../../server/errors.ts';

export const paymentsErrors = {
  'payment.amount_mismatch': {
    status: 409,
    vi: 'Số tiền {given} khác số phải thu {expected} (tính theo quy định phiên bản {ruleVersion}). Hãy thu đúng {expected}.',
    en: 'The amount {given} differs from the amount due {expected} (rules {ruleVersion}). Collect {expected}.',
  },
  'payment.no_enrollment': {
    status: 409,
    vi: 'Người này chưa đăng ký BHXH tự nguyện; hãy đăng ký trước khi thu tiền.',
    en: 'This person has no voluntary SI enrollment; enroll them before collecting.',
  },
  'payment.enrollment_ended': {
    status: 409,
    vi: 'Đăng ký đã kết thúc ({status}); không thu tiền cho đăng ký này.',
    en: 'The enrollment has ended ({status}); no payment can be taken.',
  },
  'payment.nothing_to_catch_up': {
    status: 400,
    vi: 'Không có tháng nào bị bỏ dở để đóng bù (đã đóng đến tháng {paidThrough}).',
    en: 'There are no skipped months to catch up (paid through {paidThrough}).',
  },
  'payment.catch_up_not_lapsed': {
    status: 409,
    vi: 'Chỉ đóng bù có lãi khi đã dừng đóng; người này đang ở trạng thái {status}, hãy thu kỳ đóng bình thường (có Nhà nước hỗ trợ).',
    en: 'Catching up with interest is only for people who stopped paying; this person is {status}: take the ordinary payment (with state support).',
  },
  'payment.backpay_before_retirement': {
    status: 409,
    vi: 'Chỉ đóng cho những năm còn thiếu khi đã đủ tuổi nghỉ hưu; người này đủ tuổi vào tháng {month}.',
    en: 'Missing years can only be paid at retirement age; this person reaches it in {month}.',
  },
  'payment.backpay_nothing_missing': {
    status: 409,
    vi: 'Người này đã đóng đủ {years} năm; không còn năm nào thiếu để đóng.',
    en: 'This person already has {years} years; no missing years to pay.',
  },
  'payment.backpay_too_many': {
    status: 400,
    vi: 'Chỉ còn thiếu {missing} tháng để đủ {years} năm; không đóng {months} tháng.',
    en: 'Only {missing} months are missing to reach {years} years, not {months}.',
  },
  'payment.date_out_of_range': {
    status: 400,
    vi: 'Ngày thu {date} không hợp lệ: chọn từ {from} đến hôm nay ({to}).',
    en: 'Payment date {date} is not allowed: choose from {from} to today ({to}).',
  },
  'payment.no_agent': {
    status: 400,
    vi: 'Khoản thu phải gắn với một người thu tiền (đăng nhập bằng tài khoản của nhân viên thu).',
    en: "A payment must be taken by a collector (sign in with the collector's account).",
  },
  'payment.receipt_number_unavailable': {
    status: 409,
    vi: 'Số biên lai {number} không thuộc dãy số đã cấp cho bạn, hoặc đã được dùng.',
    en: 'Receipt number {number} is not in a block issued to you, or is already used.',
  },
  'payment.not_found': {
    status: 404,
    vi: 'Không tìm thấy biên lai {number}, hoặc biên lai nằm ngoài địa bàn của bạn.',
    en: 'Receipt {number} not found, or outside your area.',
  },
  'payment.already_voided': {
    status: 409,
    vi: 'Biên lai {number} đã bị hủy lúc {at}.',
    en: 'Receipt {number} was already voided at {at}.',
  },
  'payment.void_not_latest': {
    status: 409,
    vi: 'Chỉ hủy được biên lai gần nhất của người này ({latest}); hãy hủy lần lượt từ biên lai mới nhất.',
    en: 'Only the latest receipt of this person ({latest}) can be voided; void from the newest back.',
  },
  'payment.link_not_found': {
    status: 404,
    vi: 'Đường dẫn đóng tiền không còn hiệu lực. Vui lòng liên hệ đại lý thu hoặc tổng đài 1900 9068.',
    en: 'This payment link is no longer valid. Contact your collection agent or call 1900 9068.',
  },
  'payment.no_members': {
    status: 400,
    vi: 'Hộ gia đình không có thành viên nào phải đóng BHYT trong kỳ từ tháng {month}.',
    en: 'The household has no member to pay for in the period from {month}.',
  },
  'payment.fund_rate_recorded': {
    status: 409,
    vi: 'Lãi suất đầu tư quỹ năm {year} đã được công bố là {recorded}/tháng; không nhập lãi suất khác ({given}/tháng). Hãy bỏ trống ô lãi suất để dùng mức đã công bố.',
    en: "The fund's monthly investment rate for {year} is recorded as {recorded}; a different rate ({given}) cannot be entered. Leave the rate out to use the recorded one.",
  },
} satisfies ErrorTable;
