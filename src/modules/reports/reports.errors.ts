import type { ErrorTable } from '../../server/errors.ts';

export const reportsErrors = {
  'report.not_found': {
    status: 404,
    vi: 'Không tìm thấy bản xuất báo cáo {id}, hoặc bản đó không phải của bạn.',
    en: 'Report export {id} not found, or not yours.',
  },
  'report.kind_forbidden': {
    status: 403,
    vi: 'Vai trò {role} không được xuất “{report}”: danh sách này có tên, số định danh và số điện thoại của từng người.',
    en: 'The {role} role may not export “{reportEn}”: it names individual people, with their IDs and phones.',
  },
  'report.scope_unit_outside': {
    status: 404,
    vi: 'Không tìm thấy đơn vị {id} trong địa bàn của bạn; báo cáo chỉ lấy số liệu trong địa bàn.',
    en: 'Unit {id} is not in your area; reports cover your area only.',
  },
  'report.param_not_supported': {
    status: 400,
    vi: 'Báo cáo “{report}” không dùng tham số "{param}"; hãy bỏ tham số này.',
    en: 'The “{reportEn}” report does not read "{param}"; leave it out.',
  },
  'report.campaign_required': {
    status: 400,
    vi: 'Báo cáo “{report}” cần chọn một chiến dịch.',
    en: 'The “{reportEn}” report needs a campaign.',
  },
  'report.group_not_supported': {
    status: 400,
    vi: 'Báo cáo “{report}” không nhóm được theo "{group}"; chọn một trong: {allowed}.',
    en: 'The “{reportEn}” report cannot be grouped by "{group}"; choose one of: {allowed}.',
  },
  'report.period_not_supported': {
    status: 400,
    vi: 'Báo cáo “{report}” là số cộng dồn cả chiến dịch nên không lọc được theo ngày. Hãy bỏ khoảng thời gian, hoặc xem tiến độ theo tỉnh hay theo kênh.',
    en: 'The “{reportEn}” report holds campaign totals and cannot be filtered by date. Remove the period, or look at progress by province or by channel.',
  },
  'report.invalid_period': {
    status: 400,
    vi: 'Ngày cuối ({to}) phải từ ngày đầu ({from}) trở đi.',
    en: 'The end date ({to}) must be on or after the start date ({from}).',
  },
  'report.lapsed_vsi_only': {
    status: 400,
    vi: 'Danh sách dừng đóng để vận động lại chỉ có BHXH tự nguyện; hãy bỏ chọn BHYT hộ gia đình.',
    en: 'The win-back list of lapsed participants covers voluntary social insurance only.',
  },
  'report.pdf_too_large': {
    status: 400,
    vi: 'Báo cáo này có {rows} dòng, quá nhiều cho một tệp PDF (tối đa {max} dòng). Hãy chọn CSV hoặc Excel (XLSX), hoặc thu hẹp địa bàn.',
    en: 'This report has {rows} rows, too many for a PDF (at most {max}). Choose CSV or Excel (XLSX), or narrow the area.',
  },
  'report.too_many_running': {
    status: 429,
    vi: 'Bạn đang có {n} bản xuất chưa xong. Hãy đợi một bản xong, hoặc hủy bớt, rồi xuất tiếp.',
    en: 'You already have {n} exports under way. Wait for one to finish, or cancel one, then try again.',
  },
  'report.file_not_ready': {
    status: 409,
    vi: 'Bản xuất {id} chưa có tệp để tải ({status}).',
    en: 'Export {id} has no file to download yet ({statusEn}).',
  },
  'report.interrupted': {
    status: 500,
    vi: 'Máy chủ đã khởi động lại khi đang xuất báo cáo nên bản xuất dừng giữa chừng. Không có tệp dở dang nào được giữ lại; hãy xuất lại.',
    en: 'The server restarted while the report was being written, so the export stopped. No partial file was kept; export it again.',
  },
  'report.failed': {
    status: 500,
    vi: 'Xuất báo cáo không thành công do lỗi máy chủ (mã {ref}). Không có tệp dở dang nào được giữ lại; hãy thử xuất lại.',
    en: 'The export failed on the server (reference {ref}). No partial file was kept; try again.',
  },
} satisfies ErrorTable;
