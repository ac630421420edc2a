import type { Lang } from '../../server/errors.ts';

/**
 * What each report is: its title, the parameters it takes and its columns, with Vietnamese and
 * English headings. The figures come from reports.sources.ts; the files from reports.files.ts.
 */
export const REPORT_KINDS = ['progress', 'funnel', 'kpis', 'coverage', 'lapsed'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];
export const GROUPS = ['province', 'unit', 'agent', 'channel'] as const;
export type Group = (typeof GROUPS)[number];
export type Product = 'vsi' | 'hhi';

export interface ReportParams {
  campaignId?: number;
  product?: Product;
  /** A period (progress by province or channel; the deadline missed, for the win-back list). */
  from?: string;
  to?: string;
  /** The day coverage is counted on (today when absent). */
  asOf?: string;
  /** One unit of the caller's region the report is narrowed to. */
  scopeUnitId?: number;
  groupBy?: Group;
}
export type ParamName = keyof ReportParams;

export type CellType = 'text' | 'int' | 'money' | 'percent' | 'month' | 'date';
export type Cell = string | number | null;
export type Row = Cell[];

export interface ColumnSpec {
  vi: string;
  en: string;
  type: CellType;
  /** Width in characters (XLSX), and the share of the page's width (PDF). */
  width: number;
}

type Text = Record<Lang, string>;

interface KindSpec {
  title: Text;
  /** The groupings it offers, the first being the default; empty when it has one shape. */
  groups: readonly Group[];
  /** Parameters it reads; any other one given is refused rather than silently ignored. */
  params: readonly ParamName[];
  /** Shown in the web app and the OpenAPI document. */
  description: Text;
}

export const KINDS: Record<ReportKind, KindSpec> = {
  progress: {
    title: { vi: 'Tiến độ', en: 'Progress' },
    groups: ['province', 'unit', 'agent', 'channel'],
    params: ['campaignId', 'product', 'from', 'to', 'scopeUnitId', 'groupBy'],
    description: {
      vi: 'Đăng ký mới, đóng lần đầu, lượt đóng, số tiền và chỉ tiêu theo tỉnh, đơn vị, nhân viên thu hoặc kênh.',
      en: 'New enrollments, first payments, payments, amount and target by province, unit, agent or channel.',
    },
  },
  funnel: {
    title: { vi: 'Phễu vận động', en: 'Outreach funnel' },
    groups: ['unit', 'agent', 'channel'],
    params: ['campaignId', 'scopeUnitId', 'groupBy'],
    description: {
      vi: 'Tiếp cận → tư vấn → đăng ký → đóng lần đầu → còn đóng sau 12 tháng.',
      en: 'Contacted → consulted → enrolled → first payment → still paying after 12 months.',
    },
  },
  kpis: {
    title: { vi: 'Kết quả tuyên truyền', en: 'Outreach activity' },
    groups: [],
    params: ['campaignId', 'scopeUnitId'],
    description: {
      vi: 'Đoàn xe, hội nghị, tổ tuyên truyền tận nhà, phát thanh, bài viết, ấn phẩm theo tỉnh.',
      en: 'Convoys, conferences, door-to-door groups, broadcasts, articles and printed items by province.',
    },
  },
  coverage: {
    title: { vi: 'Độ bao phủ', en: 'Coverage' },
    groups: [],
    params: ['asOf', 'scopeUnitId'],
    description: {
      vi: 'Người tham gia BHXH so với lực lượng lao động trong độ tuổi, theo tỉnh, tại một ngày.',
      en: 'Social insurance participants against the working-age labour force, by province, on a day.',
    },
  },
  lapsed: {
    title: { vi: 'Danh sách dừng đóng cần vận động lại', en: 'Lapsed participants to win back' },
    groups: [],
    params: ['from', 'to', 'scopeUnitId', 'product'],
    description: {
      vi: 'Người tham gia BHXH tự nguyện đã quá hạn đóng hơn 30 ngày, với số tiền để đóng lại.',
      en: 'Voluntary SI participants more than 30 days past their deadline, with the amount to restart.',
    },
  },
};

export const GROUP_LABELS: Record<Group, Text> = {
  province: { vi: 'theo tỉnh', en: 'by province' },
  unit: { vi: 'theo đơn vị', en: 'by unit' },
  agent: { vi: 'theo nhân viên thu', en: 'by collection agent' },
  channel: { vi: 'theo kênh', en: 'by channel' },
};

export const PARAM_LABELS: Record<ParamName, Text> = {
  campaignId: { vi: 'chiến dịch', en: 'campaign' },
  product: { vi: 'sản phẩm', en: 'product' },
  from: { vi: 'ngày đầu', en: 'start date' },
  to: { vi: 'ngày cuối', en: 'end date' },
  asOf: { vi: 'ngày tính', en: 'as-of date' },
  scopeUnitId: { vi: 'đơn vị', en: 'unit' },
  groupBy: { vi: 'cách nhóm', en: 'grouping' },
};

export const PRODUCT_LABELS: Record<Product, Text> = {
  vsi: { vi: 'BHXH tự nguyện', en: 'Voluntary SI' },
  hhi: { vi: 'BHYT hộ gia đình', en: 'Household HI' },
};

export const CHANNEL_LABELS: Record<string, Text> = {
  post_office: { vi: 'Tại bưu điện', en: 'At the post office' },
  convoy: { vi: 'Đoàn truyền thông lưu động', en: 'Mobile convoy' },
  event: { vi: 'Hội nghị, sự kiện', en: 'Conference or event' },
  door_to_door: { vi: 'Đến tận nhà', en: 'Door to door' },
  online: { vi: 'Trực tuyến', en: 'Online' },
};

export const MODE_LABELS: Record<string, Text> = {
  monthly: { vi: 'Hằng tháng', en: 'Monthly' },
  quarterly: { vi: '3 tháng một lần', en: 'Every 3 months' },
  semiannual: { vi: '6 tháng một lần', en: 'Every 6 months' },
  annual: { vi: '12 tháng một lần', en: 'Yearly' },
};

export const title = (kind: ReportKind, group: Group | undefined, lang: Lang) =>
  group ? `${KINDS[kind].title[lang]} ${GROUP_LABELS[group][lang]}` : KINDS[kind].title[lang];

// ── Columns ──
const col = (vi: string, en: string, type: CellType, width: number): ColumnSpec => ({ vi, en, type, width });

const PROVINCE = [col('Mã tỉnh', 'Province code', 'text', 9), col('Tỉnh, thành phố', 'Province', 'text', 24)];
const UNIT = [
  col('Mã đơn vị', 'Unit code', 'text', 14),
  col('Đơn vị', 'Unit', 'text', 30),
  col('Loại đơn vị', 'Unit kind', 'text', 18),
  col('Mã tỉnh', 'Province code', 'text', 9),
];
const AGENT = [
  col('Nhân viên thu', 'Collection agent', 'text', 24),
  col('Đơn vị', 'Unit', 'text', 30),
  col('Mã tỉnh', 'Province code', 'text', 9),
];
const CHANNEL = [col('Kênh', 'Channel', 'text', 26)];
const PRODUCT = col('Sản phẩm', 'Product', 'text', 17);
const PROGRESS = [
  col('Đăng ký mới', 'New enrollments', 'int', 12),
  col('Đóng lần đầu', 'First payments', 'int', 12),
  col('Lượt đóng', 'Payments', 'int', 11),
  col('Số tiền (đồng)', 'Amount (VND)', 'money', 16),
];
const TARGET = [
  col('Chỉ tiêu', 'Target', 'int', 11),
  col('Đạt chỉ tiêu (%)', 'Of target (%)', 'percent', 12),
];
const FUNNEL = [
  col('Đã tiếp cận', 'Contacted', 'int', 11),
  col('Đã tư vấn', 'Consulted', 'int', 11),
  col('Đã đăng ký', 'Enrolled', 'int', 11),
  col('Đã đóng lần đầu', 'First paid', 'int', 12),
  col('Còn đóng sau 12 tháng', 'Still paying at 12 months', 'int', 13),
  col('Đăng ký / tiếp cận (%)', 'Enrolled / contacted (%)', 'percent', 13),
];

export function columnsOf(kind: ReportKind, group: Group | undefined): ColumnSpec[] {
  switch (kind) {
    case 'progress':
      switch (group) {
        case 'unit':
          return [...UNIT, PRODUCT, ...PROGRESS, ...TARGET];
        case 'agent':
          return [...AGENT, PRODUCT, ...PROGRESS, ...TARGET];
        case 'channel':
          return [...CHANNEL, PRODUCT, ...PROGRESS];
        default:
          return [...PROVINCE, PRODUCT, ...PROGRESS, ...TARGET];
      }
    case 'funnel':
      return [...(group === 'agent' ? AGENT : group === 'channel' ? CHANNEL : UNIT), ...FUNNEL];
    case 'kpis':
      return [
        ...PROVINCE,
        col('Hoạt động', 'Activities', 'int', 10),
        col('Đoàn xe', 'Convoys', 'int', 9),
        col('Ô tô', 'Cars', 'int', 8),
        col('Xe máy', 'Motorbikes', 'int', 9),
        col('Xã được đến', 'Communes reached', 'int', 10),
        col('Hội nghị', 'Conferences', 'int', 9),
        col('Người dự hội nghị', 'Conference attendees', 'int', 11),
        col('Tổ tuyên truyền tận nhà', 'Door-to-door groups', 'int', 11),
        col('Người được tiếp cận', 'People reached', 'int', 11),
        col('Phát thanh loa', 'Loudspeaker broadcasts', 'int', 10),
        col('Bài viết', 'Articles', 'int', 8),
        col('Ấn phẩm', 'Printed items', 'int', 9),
        col('Lễ ra quân địa phương', 'Local launches', 'int', 10),
      ];
    case 'coverage':
      return [
        ...PROVINCE,
        col('Lực lượng lao động trong độ tuổi', 'Working-age labour force', 'int', 14),
        col('Tham gia BHXH', 'SI participants', 'int', 13),
        col('Đạt % lực lượng lao động', 'Of labour force (%)', 'percent', 12),
        col('Trong đó BHXH tự nguyện', 'Of whom voluntary SI', 'int', 13),
        col('Tự nguyện / lực lượng lao động (%)', 'Voluntary / labour force (%)', 'percent', 12),
        col('BHYT hộ gia đình', 'Household HI', 'int', 13),
        col('Tham gia BHXH cùng kỳ năm trước', 'SI participants a year earlier', 'int', 14),
        col('Tăng so với cùng kỳ (%)', 'Growth on a year earlier (%)', 'percent', 12),
        col('BHXH tự nguyện cùng kỳ năm trước', 'Voluntary SI a year earlier', 'int', 14),
        col('Tự nguyện tăng so với cùng kỳ (%)', 'Voluntary growth (%)', 'percent', 12),
      ];
    case 'lapsed':
      return [
        col('Họ và tên', 'Full name', 'text', 24),
        col('Số định danh cá nhân', 'Personal ID', 'text', 15),
        col('Điện thoại', 'Phone', 'text', 12),
        col('Xã, phường', 'Commune', 'text', 20),
        col('Tỉnh, thành phố', 'Province', 'text', 16),
        col('Đã đóng đến tháng', 'Paid through', 'month', 10),
        col('Hạn đóng', 'Deadline', 'date', 11),
        col('Số tháng chưa đóng', 'Months unpaid', 'int', 9),
        col('Phương thức đóng', 'Payment mode', 'text', 14),
        col('Số tiền để đóng lại (đồng)', 'Amount to restart (VND)', 'money', 15),
      ];
  }
}
