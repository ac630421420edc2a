import type { ErrorTable } from '../../server/errors.ts';

export const leadsErrors = {
  'lead.not_found': {
    status: 404,
    vi: 'Không tìm thấy khách hàng tiềm năng {id}, hoặc người này nằm ngoài địa bàn của bạn hoặc không được giao cho bạn.',
    en: 'Lead {id} not found, or outside your area, or not assigned to you.',
  },
  'lead.phone_without_consent': {
    status: 400,
    vi: 'Chỉ được lưu số điện thoại khi người đó đồng ý cho liên hệ (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân). Hãy đánh dấu “Đồng ý cho liên hệ” hoặc bỏ số điện thoại.',
    en: 'A phone number is kept only when the person agrees to be contacted (Decree 13/2023 on personal data). Tick the consent or leave the phone out.',
  },
  'lead.commune_outside_scope': {
    status: 403,
    vi: 'Xã {commune} nằm ngoài địa bàn của bạn. Chỉ ghi nhận khách hàng tiềm năng cư trú trong địa bàn đơn vị mình phục vụ.',
    en: 'Commune {commune} is outside your area. Record only leads living where your unit serves.',
  },
  'lead.campaign_ended': {
    status: 409,
    vi: 'Chiến dịch “{name}” đã kết thúc ngày {endsOn}; không thêm khách hàng tiềm năng vào chiến dịch đã kết thúc.',
    en: 'Campaign “{name}” ended on {endsOn}; no leads are added to an ended campaign.',
  },
  'lead.event_not_found': {
    status: 400,
    vi: 'Không tìm thấy hoạt động {id} của chiến dịch này tại tỉnh nơi người đó cư trú.',
    en: 'No activity {id} of this campaign in the province where the person lives.',
  },
  'lead.event_mismatch': {
    status: 400,
    vi: 'Hoạt động “{title}” không phải là {source}. Chọn đúng nguồn hoặc đúng hoạt động.',
    en: 'Activity “{title}” is not a {sourceEn}. Choose the right source or activity.',
  },
  'lead.duplicate_person': {
    status: 409,
    vi: '{name} đã có trong danh sách khách hàng tiềm năng của chiến dịch này (mã {id}). Không ghi lần thứ hai.',
    en: '{name} is already a lead of this campaign (no. {id}). No second lead is made.',
  },
  'lead.duplicate_phone': {
    status: 409,
    vi: 'Số điện thoại {phone} đã có trong danh sách của chiến dịch này (khách hàng {name}, mã {id}). Mỗi số chỉ ghi một lần; nếu là người nhà, hãy ghi chú vào khách hàng đã có.',
    en: 'Phone {phone} is already on this campaign’s list (lead {name}, no. {id}). Each number is recorded once; for a relative, add a note to that lead.',
  },
  'lead.already_participant': {
    status: 409,
    vi: 'Người có số định danh {maskedId} đang tham gia BHXH tự nguyện ({statusVi}) tại {unit}; không cần vận động lại.',
    en: 'The person with personal ID {maskedId} already pays voluntary SI ({statusEn}) at {unit}; no need to win them again.',
  },
  'lead.step_not_allowed': {
    status: 409,
    vi: 'Khách hàng đang ở bước “{statusVi}”, không thể ghi nhận “{stepVi}”.',
    en: 'The lead is at “{statusEn}”; “{stepEn}” cannot be recorded.',
  },
  'lead.lost_reason_required': {
    status: 400,
    vi: 'Cần chọn lý do khách hàng không tham gia.',
    en: 'Choose why the person will not join.',
  },
  'lead.nothing_to_undo': {
    status: 409,
    vi: 'Khách hàng chưa có bước nào để hoàn tác.',
    en: 'There is no step to undo on this lead.',
  },
  'lead.undo_converted': {
    status: 409,
    vi: 'Khách hàng đã đăng ký hoặc đã đóng tiền: việc đó không hoàn tác ở đây. Nếu thu nhầm, hãy hủy biên lai.',
    en: 'The person has enrolled or paid: that is not undone here. If collected by mistake, void the receipt.',
  },
  'lead.agent_not_found': {
    status: 400,
    vi: 'Không tìm thấy người dùng {id} để giao khách hàng, hoặc tài khoản đã bị khóa.',
    en: 'User {id} to assign the leads to was not found, or is disabled.',
  },
  'lead.agent_cannot_work': {
    status: 400,
    vi: '{name} không có vai trò theo dõi khách hàng tiềm năng; hãy giao cho đại lý thu hoặc cán bộ.',
    en: '{name} has no role that follows up leads; assign them to a collection agent or an officer.',
  },
  'lead.agent_outside_scope': {
    status: 403,
    vi: '{name} thuộc đơn vị ngoài địa bàn của bạn; chỉ giao cho người trong địa bàn mình.',
    en: '{name} works outside your area; assign only to people in your area.',
  },
  'lead.agent_not_serving': {
    status: 400,
    vi: '{name} không phụ trách {communes}: {n} khách hàng đã chọn ở ngoài địa bàn của người này. Bỏ chọn họ rồi giao lại.',
    en: '{name} does not serve {communes}: {n} of the chosen leads live outside their area. Unselect them and assign again.',
  },
} satisfies ErrorTable;
