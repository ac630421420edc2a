import type { ErrorTable } from '../../server/errors.ts';

export const targetsErrors = {
  'target.not_found': {
    status: 404,
    vi: 'Không tìm thấy chỉ tiêu {id}, hoặc chỉ tiêu nằm ngoài địa bàn của bạn.',
    en: 'Target {id} not found, or outside your area.',
  },
  'target.product_not_in_campaign': {
    status: 400,
    vi: 'Chiến dịch này không vận động {product}.',
    en: 'This campaign does not cover {product}.',
  },
  'target.below_children': {
    status: 409,
    vi: 'Chỉ tiêu {amount} thấp hơn tổng chỉ tiêu đã giao cho các đơn vị cấp dưới ({children}). Hãy giảm chỉ tiêu cấp dưới trước.',
    en: 'A target of {amount} is below what its units were already given ({children}). Lower theirs first.',
  },
  'target.children_exceed_parent': {
    status: 409,
    vi: 'Các chỉ tiêu đã điều chỉnh tay cộng lại {fixed}, vượt chỉ tiêu cấp trên {parent}. Không có gì được lưu.',
    en: 'The overridden targets add up to {fixed}, above the parent target of {parent}. Nothing was saved.',
  },
  'target.cannot_split': {
    status: 400,
    vi: '"{unit}" không có đơn vị cấp dưới hay nhân viên thu nào để giao chỉ tiêu.',
    en: '"{unit}" has no units or collection agents under it to split the target between.',
  },
  'target.no_national': {
    status: 409,
    vi: 'Chưa có chỉ tiêu toàn quốc cho {product}; đặt chỉ tiêu toàn quốc trước rồi mới chia theo đơn vị cũ.',
    en: 'There is no national target for {product} yet; set it before splitting it by former units.',
  },
  'target.unknown_legacy_unit': {
    status: 400,
    vi: 'Không có đơn vị hành chính cũ mã "{code}" ở cấp đã chọn (mã tỉnh cũ 2 chữ số, ví dụ 02 Hà Giang).',
    en: 'No former administrative unit has code "{code}" at that level (former province codes have 2 digits, e.g. 02 Hà Giang).',
  },
  'target.duplicate_legacy_unit': {
    status: 400,
    vi: 'Mỗi đơn vị cũ chỉ được ghi một lần trong danh sách chỉ tiêu.',
    en: 'Each former unit may appear only once in the list.',
  },
  'target.invalid_period': {
    status: 400,
    vi: 'Ngày kết thúc của chỉ tiêu ({end}) phải từ ngày bắt đầu ({start}) trở đi.',
    en: 'The target’s end date ({end}) must be on or after its start date ({start}).',
  },
  'target.period_outside_campaign': {
    status: 400,
    vi: 'Thời gian của chỉ tiêu ({start} – {end}) phải nằm trong thời gian chiến dịch, từ {startsOn} đến {endsOn}.',
    en: 'The target’s period ({start} – {end}) must lie within the campaign, {startsOn} to {endsOn}.',
  },
  'target.period_outside_parent': {
    status: 400,
    vi: 'Thời gian của các chỉ tiêu cấp dưới ({start} – {end}) phải nằm trong thời gian của chỉ tiêu cấp trên, từ {parentStart} đến {parentEnd}.',
    en: 'The units’ targets ({start} – {end}) must lie within their parent target’s period, {parentStart} to {parentEnd}.',
  },
  'target.child_outside_period': {
    status: 409,
    vi: 'Chỉ tiêu của "{name}" đặt cho {start} – {end} sẽ nằm ngoài thời gian {outerStart} – {outerEnd} của chỉ tiêu cấp trên. Hãy sửa thời gian của chỉ tiêu đó trước; không có gì được lưu.',
    en: 'The target of "{name}", set for {start} – {end}, would fall outside its parent’s period, {outerStart} – {outerEnd}. Change that target’s period first; nothing was saved.',
  },
  'target.root_override': {
    status: 400,
    vi: 'Chỉ tiêu toàn quốc được đặt trực tiếp, không điều chỉnh theo cấp trên.',
    en: 'The national target is set directly; it has no parent to be overridden against.',
  },
} satisfies ErrorTable;
