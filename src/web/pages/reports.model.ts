/**
 * The report screen's model: which fields each report asks for (as the server reads them), and the
 * parameters an export is asked with. Kept pure, so the rules are tested without a browser.
 */
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';

export const REPORT_KINDS = ['progress', 'funnel', 'kpis', 'coverage', 'lapsed'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];
export type Group = 'province' | 'unit' | 'agent' | 'channel';
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ReportParams {
  campaignId?: number;
  product?: 'vsi' | 'hhi';
  from?: string;
  to?: string;
  asOf?: string;
  scopeUnitId?: number;
  groupBy?: Group;
}

export interface ExportItem {
  id: number;
  kind: ReportKind;
  format: Format;
  params: ReportParams;
  status: ExportStatus;
  rowsDone: number;
  rowsTotal: number | null;
  progress: number | null;
  fileName: string | null;
  bytes: number | null;
  error: string | null;
  requestedBy: { id: number; fullName: string };
  createdAt: string;
  finishedAt: string | null;
  downloadUrl: string | null;
}

/** The groupings each report offers, its default first. */
export const GROUPS: Record<ReportKind, readonly Group[]> = {
  progress: ['province', 'unit', 'agent', 'channel'],
  funnel: ['unit', 'agent', 'channel'],
  kpis: [],
  coverage: [],
  lapsed: [],
};

export type Field = 'campaign' | 'product' | 'period' | 'asOf';

/** The fields a report shows; the period only where its figures are kept by day. */
export function fieldsOf(kind: ReportKind, group: Group | undefined): readonly Field[] {
  switch (kind) {
    case 'progress':
      return group === 'unit' || group === 'agent'
        ? ['campaign', 'product']
        : ['campaign', 'product', 'period'];
    case 'funnel':
      return ['campaign'];
    case 'kpis':
      return ['campaign'];
    case 'coverage':
      return ['asOf'];
    case 'lapsed':
      return ['period'];
  }
}

export interface FormValues {
  kind: ReportKind;
  groupBy?: Group;
  campaignId?: number;
  product?: 'vsi' | 'hhi';
  period?: [Dayjs | null, Dayjs | null] | null;
  asOf?: Dayjs | null;
  scopeUnitId?: number;
}

/** The parameters of an export: only what the chosen report reads. */
export function toParams(v: FormValues): ReportParams {
  const groupBy = GROUPS[v.kind].length ? (v.groupBy ?? GROUPS[v.kind][0]) : undefined;
  const fields = fieldsOf(v.kind, groupBy);
  const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
  const params: ReportParams = {
    groupBy,
    campaignId: fields.includes('campaign') ? v.campaignId : undefined,
    product: fields.includes('product') ? v.product : undefined,
    from: fields.includes('period') ? day(v.period?.[0]) : undefined,
    to: fields.includes('period') ? day(v.period?.[1]) : undefined,
    asOf: fields.includes('asOf') ? day(v.asOf) : undefined,
    scopeUnitId: v.scopeUnitId,
  };
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}

export function reportTitle(t: TFunction, kind: ReportKind, group: Group | undefined): string {
  const name = t(`reports.kind.${kind}`);
  return group && GROUPS[kind].length
    ? t('reports.titleWithGroup', { kind: name, group: t(`reports.groupInTitle.${group}`) })
    : name;
}

export const isUnderWay = (status: ExportStatus) => status === 'queued' || status === 'running';

export const reportKeys = {
  exports: ['reports', 'exports'] as const,
};
