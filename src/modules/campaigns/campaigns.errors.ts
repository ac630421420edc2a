import type { ErrorTable } from '../../server/errors.ts';

export const campaignsErrors = {
  'campaign.not_found': {
    status: 404,
    vi: 'Không tìm thấy chiến dịch {id}.',
    en: 'Campaign {id} not found.',
  },
  'campaign.invalid_period': {
    status: 400,
    vi: 'Ngày kết thúc ({endsOn}) phải từ ngày bắt đầu ({startsOn}) trở đi.',
    en: 'The end date ({endsOn}) must be on or after the start date ({startsOn}).',
  },
  'campaign.launch_outside_period': {
    status: 400,
    vi: 'Lễ ra quân ({launchOn}) phải nằm trong thời gian chiến dịch, từ {startsOn} đến {endsOn}.',
    en: 'The launch ceremony ({launchOn}) must fall within the campaign, {startsOn} to {endsOn}.',
  },
  'campaign.target_outside_period': {
    status: 409,
    vi: 'Chỉ tiêu {product} của "{name}" đặt cho {start} – {end} sẽ nằm ngoài thời gian mới của chiến dịch, từ {startsOn} đến {endsOn}. Hãy sửa thời gian của chỉ tiêu đó trước; không có gì được lưu.',
    en: 'The {product} target of "{name}", set for {start} – {end}, would fall outside the campaign’s new dates, {startsOn} to {endsOn}. Change that target’s period first; nothing was saved.',
  },
  'campaign.bridge_not_found': {
    status: 404,
    vi: 'Không tìm thấy điểm cầu {id}, hoặc điểm cầu nằm ngoài địa bàn của bạn.',
    en: 'Bridge point {id} not found, or outside your area.',
  },
  'campaign.central_bridge_exists': {
    status: 409,
    vi: 'Chiến dịch đã có điểm cầu trung tâm "{name}". Mỗi lễ ra quân chỉ có một điểm cầu trung tâm.',
    en: 'The campaign already has its central bridge point "{name}". A launch has only one.',
  },
  'campaign.bridge_needs_parent': {
    status: 400,
    vi: 'Điểm cầu cấp {level} phải nối vào một điểm cầu cấp trên của cùng chiến dịch.',
    en: 'A {level} bridge point must hang under a higher bridge point of the same campaign.',
  },
  'campaign.bridge_has_children': {
    status: 409,
    vi: 'Điểm cầu "{name}" còn {n} điểm cầu cấp dưới; hãy xóa các điểm đó trước.',
    en: 'Bridge point "{name}" still has {n} points under it; remove those first.',
  },
  'campaign.unit_outside_scope': {
    status: 403,
    vi: 'Đơn vị "{unit}" nằm ngoài phạm vi quản lý của bạn.',
    en: 'Unit "{unit}" is outside your area.',
  },
  'campaign.activity_not_found': {
    status: 404,
    vi: 'Không tìm thấy hoạt động {id}, hoặc hoạt động nằm ngoài địa bàn của bạn.',
    en: 'Activity {id} not found, or outside your area.',
  },
  'campaign.activity_outside_period': {
    status: 400,
    vi: 'Ngày hoạt động ({onDate}) nằm ngoài thời gian chiến dịch, từ {startsOn} đến {endsOn}.',
    en: 'The activity date ({onDate}) is outside the campaign, {startsOn} to {endsOn}.',
  },
  'campaign.unknown_commune': {
    status: 400,
    vi: 'Không có xã/phường mã {code}.',
    en: 'There is no commune with code {code}.',
  },
  'campaign.compliance_not_found': {
    status: 404,
    vi: 'Không tìm thấy mục kiểm tra {id}.',
    en: 'Checklist item {id} not found.',
  },
  'campaign.unknown': {
    status: 400,
    vi: 'Không có chiến dịch mã {id}. Chọn một chiến dịch có trong danh sách, hoặc bỏ trống campaignId để tính cho chiến dịch đang diễn ra.',
    en: 'There is no campaign {id}. Pick an existing campaign, or leave campaignId out to count for the campaign under way.',
  },
  'campaign.unknown_event': {
    status: 400,
    vi: 'Không có sự kiện (hoạt động) mã {id}. Chọn một sự kiện có trong danh sách của chiến dịch, hoặc bỏ trống eventId.',
    en: "There is no event (activity) {id}. Pick one of the campaign's events, or leave eventId out.",
  },
  'campaign.event_not_in_campaign': {
    status: 400,
    vi: 'Sự kiện “{title}” thuộc chiến dịch “{eventCampaign}” (mã {eventCampaignId}), không thuộc chiến dịch được tính ({campaign}). Gửi campaignId {eventCampaignId}, hoặc bỏ trống eventId.',
    en: 'Event “{title}” belongs to campaign “{eventCampaign}” ({eventCampaignId}), not to the campaign counted ({campaign}). Send campaignId {eventCampaignId}, or leave eventId out.',
  },
} satisfies ErrorTable;
