import { seesFullPersonalIds } from '../../domain/access/roles.ts';
import { AppError, type Lang } from '../../server/errors.ts';
import type { Actor } from '../access/access.actor.ts';
import type { ReportSheet } from './reports.files.ts';
import {
  type ColumnSpec,
  KINDS,
  type ParamName,
  PRODUCT_LABELS,
  type ReportKind,
  type ReportParams,
  title,
} from './reports.kinds.ts';

/**
 * A report's parameters checked against what the report reads: anything it would ignore is refused,
 * so nobody reads a national figure believing it is last week's. Returns them with the default
 * grouping filled in.
 */
export function validateParams(kind: ReportKind, input: ReportParams): ReportParams {
  const spec = KINDS[kind];
  const names = { report: spec.title.vi, reportEn: spec.title.en };
  for (const name of Object.keys(input) as ParamName[]) {
    if (input[name] === undefined) continue;
    if (!spec.params.includes(name)) {
      throw new AppError('report.param_not_supported', { ...names, param: name }, `params.${name}`);
    }
  }
  const params: ReportParams = { ...input };
  if (spec.groups.length > 0) {
    params.groupBy ??= spec.groups[0];
    if (!spec.groups.includes(params.groupBy!)) {
      throw new AppError(
        'report.group_not_supported',
        { ...names, group: params.groupBy!, allowed: spec.groups.join(', ') },
        'params.groupBy',
      );
    }
  }
  if (params.from && params.to && params.to < params.from) {
    throw new AppError('report.invalid_period', { from: params.from, to: params.to }, 'params.to');
  }
  // Units and agents have campaign totals only (their roll-ups keep no day).
  if (kind === 'progress' && (params.groupBy === 'unit' || params.groupBy === 'agent')) {
    if (params.from || params.to) {
      throw new AppError(
        'report.period_not_supported',
        { report: title(kind, params.groupBy, 'vi'), reportEn: title(kind, params.groupBy, 'en') },
        params.from ? 'params.from' : 'params.to',
      );
    }
  }
  if (kind === 'kpis' && params.campaignId === undefined) {
    throw new AppError('report.campaign_required', names, 'params.campaignId');
  }
  if (kind === 'lapsed' && params.product === 'hhi') {
    throw new AppError('report.lapsed_vsi_only', {}, 'params.product');
  }
  return params;
}

const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** Vietnam time, as the person reading the report lives there. */
function vietnamTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCHours())}:${two(local.getUTCMinutes())} ${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

const T = {
  campaign: { vi: 'Chiến dịch', en: 'Campaign' },
  allCampaigns: { vi: 'tất cả chiến dịch', en: 'all campaigns' },
  product: { vi: 'Sản phẩm', en: 'Product' },
  bothProducts: { vi: 'BHXH tự nguyện và BHYT hộ gia đình', en: 'voluntary SI and household HI' },
  period: { vi: 'Thời gian', en: 'Period' },
  from: { vi: 'từ', en: 'from' },
  to: { vi: 'đến', en: 'to' },
  asOf: { vi: 'Tính đến ngày', en: 'As of' },
  area: { vi: 'Địa bàn', en: 'Area' },
  made: { vi: 'Lập lúc {at} bởi {who}', en: 'Made at {at} by {who}' },
  lapsedAsOf: {
    vi: 'Quá hạn đóng hơn 30 ngày, tính đến ngày {today}',
    en: 'More than 30 days past the deadline, as of {today}',
  },
  deadline: { vi: 'Hạn đóng', en: 'Deadline' },
  unitNote: {
    vi: 'Số liệu của mỗi đơn vị gồm cả các đơn vị cấp dưới, cộng dồn cả chiến dịch. Chỉ tiêu toàn quốc và chỉ tiêu của BHXH tỉnh tính theo địa bàn, xem ở báo cáo theo tỉnh.',
    en: "Each unit's figures include the units below it, for the whole campaign. National and provincial VSS targets count by territory: see the report by province.",
  },
  agentNote: { vi: 'Số liệu cộng dồn cả chiến dịch.', en: 'Figures for the whole campaign.' },
  maskedNote: {
    vi: 'Số định danh cá nhân được che bớt theo vai trò của người lập.',
    en: "Personal IDs are masked for the maker's role.",
  },
  phoneNote: {
    vi: 'Số điện thoại chỉ ghi với người đã đồng ý nhận liên hệ.',
    en: 'Phone numbers only for people who agreed to be contacted.',
  },
} as const;

export const describeReport = {
  title: (kind: ReportKind, params: ReportParams, lang: Lang) =>
    title(kind, KINDS[kind].groups.length ? params.groupBy : undefined, lang),

  /** The title block of an XLSX or PDF: what the figures are, where, when, and who asked. */
  sheet(input: {
    kind: ReportKind;
    params: ReportParams;
    lang: Lang;
    scoped: Actor;
    requester: Actor;
    scopeName: string;
    columns: ColumnSpec[];
    campaignName: string | null;
    today: string;
    now: Date;
  }): ReportSheet {
    const { kind, params: p, lang } = input;
    const reads = (name: ParamName) => KINDS[kind].params.includes(name);
    const lines: string[] = [];
    if (reads('campaignId')) {
      lines.push(`${T.campaign[lang]}: ${input.campaignName ?? T.allCampaigns[lang]}`);
    }
    if (kind === 'progress') {
      lines.push(`${T.product[lang]}: ${p.product ? PRODUCT_LABELS[p.product][lang] : T.bothProducts[lang]}`);
    }
    const span = [p.from && `${T.from[lang]} ${dmy(p.from)}`, p.to && `${T.to[lang]} ${dmy(p.to)}`]
      .filter(Boolean)
      .join(' ');
    if (kind === 'lapsed') {
      lines.push(T.lapsedAsOf[lang].replace('{today}', dmy(input.today)));
      if (span) lines.push(`${T.deadline[lang]} ${span}`);
    } else if (span) {
      lines.push(`${T.period[lang]}: ${span}`);
    }
    if (kind === 'coverage') lines.push(`${T.asOf[lang]} ${dmy(p.asOf ?? input.today)}`);
    lines.push(`${T.area[lang]}: ${input.scopeName}`);
    lines.push(
      T.made[lang].replace('{at}', vietnamTime(input.now)).replace('{who}', input.requester.fullName),
    );
    if (kind === 'progress' && p.groupBy === 'unit') lines.push(T.unitNote[lang]);
    if (kind === 'progress' && p.groupBy === 'agent') lines.push(T.agentNote[lang]);
    if (kind === 'lapsed') {
      if (!seesFullPersonalIds(input.scoped.role)) lines.push(T.maskedNote[lang]);
      lines.push(T.phoneNote[lang]);
    }
    return {
      title: describeReport.title(kind, p, lang),
      lines,
      columns: input.columns.map((c) => ({ header: c[lang], type: c.type, width: c.width })),
      lang,
      author: input.requester.fullName,
      createdAt: input.now,
    };
  },
};
