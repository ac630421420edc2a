import { seesFullPersonalIds } from '../../domain/access/roles.ts';
import { calculate, monthOfDate, monthsBetween, type VsiQuoteResult } from '../../domain/law/index.ts';
import { ORG_KINDS, type OrgKind } from '../../domain/orgs/kinds.ts';
import { nextUnpaidMonth } from '../../domain/registry/periods.ts';
import { maskPersonalId } from '../../domain/registry/personal-id.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import type { Lang } from '../../server/errors.ts';
import type { Actor } from '../access/access.actor.ts';
import type { CampaignsService } from '../campaigns/campaigns.service.ts';
import type { DashboardsService } from '../dashboards/dashboards.service.ts';
import { month } from '../participants/participants.repository.ts';
import { windowOf } from '../renewals/renewals.service.ts';
import type { RulesService } from '../rules/rules.service.ts';
import {
  CHANNEL_LABELS,
  type ColumnSpec,
  columnsOf,
  type Group,
  MODE_LABELS,
  PRODUCT_LABELS,
  type Product,
  type ReportKind,
  type ReportParams,
  type Row,
} from './reports.kinds.ts';
import type { Counters, FunnelCounters, ReportsRepository } from './reports.repository.ts';

/** Rows per database round trip and per write: small enough to stay flat in memory, large enough to be quick. */
export const CHUNK = 5_000;

export interface ReportSource {
  columns: ColumnSpec[];
  /** The rows to expect, counted before the first is read. */
  count(): Promise<number>;
  /** The rows, a chunk at a time, in the report's order. */
  chunks(): AsyncGenerator<Row[]>;
}

/**
 * Reads chunk after chunk, each starting after the last row of the one before. The next chunk is
 * asked for as soon as the last key is known, so the database reads it while this one is written:
 * never more than two chunks in memory.
 */
async function* keyset<R, K>(
  fetch: (after: K | null) => Promise<R[]>,
  keyOf: (row: R) => K,
  toRow: (row: R) => Row,
): AsyncGenerator<Row[]> {
  let next: Promise<R[]> | null = fetch(null);
  try {
    while (next) {
      const rows: R[] = await next;
      next = rows.length === CHUNK ? fetch(keyOf(rows[rows.length - 1]!)) : null;
      if (rows.length > 0) yield rows.map(toRow);
    }
  } finally {
    // Stopped early (cancelled, failed): the chunk already asked for is not wanted.
    await next?.catch(() => {});
  }
}

/** A report small by nature (a row per province or channel): one chunk. */
function whole(columns: ColumnSpec[], load: () => Promise<Row[]>): ReportSource {
  let loaded: Promise<Row[]> | null = null;
  const rows = () => {
    loaded ??= load();
    return loaded;
  };
  return {
    columns,
    count: async () => (await rows()).length,
    async *chunks() {
      yield await rows();
    },
  };
}

const ratio = (part: number, of: number | null | undefined) => (of ? part / of : null);
const counters = (r: Counters) => [r.enrollments, r.first_payments, r.payments, r.amount];
const funnel = (r: FunnelCounters) => [
  r.contacted,
  r.consulted,
  r.enrolled,
  r.first_paid,
  r.retained_12m,
  ratio(r.enrolled, r.contacted),
];

/**
 * Where each report's rows come from. Aggregates read the roll-ups (stat_*) and targets; the KPIs
 * and coverage are those the campaign screens and the bulletin compute, for each province of the
 * caller's region; the win-back list is the renewals worklist's query, walked in keyset chunks.
 * `actor` is already narrowed to the report's scope unit.
 */
export function createReportSources({
  repo,
  clock,
  rules,
  campaigns,
  dashboards,
}: {
  repo: ReportsRepository;
  clock: Clock;
  rules: RulesService;
  campaigns: CampaignsService;
  dashboards: DashboardsService;
}) {
  const productLabel = (p: Product, lang: Lang) => PRODUCT_LABELS[p][lang];
  const kindLabel = (kind: string, lang: Lang) => ORG_KINDS[kind as OrgKind]?.[lang] ?? kind;
  const channelLabel = (channel: string, lang: Lang) => CHANNEL_LABELS[channel]?.[lang] ?? channel;
  const unassigned = (lang: Lang) => (lang === 'vi' ? '(chưa giao cho nhân viên thu)' : '(not assigned)');
  const totalLabel = (actor: Actor, lang: Lang) =>
    actor.national ? (lang === 'vi' ? 'Toàn quốc' : 'Whole country') : lang === 'vi' ? 'Cộng' : 'Total';

  /** The provinces a region's per-province rows cover, as the dashboards decide a caller's provinces. */
  async function regionProvinces(actor: Actor) {
    if (actor.national) return repo.provinces(null);
    const codes = [...new Set([actor.provinceCode, ...actor.provinces].filter((c): c is string => !!c))];
    return repo.provinces(codes);
  }

  function progress(actor: Actor, p: ReportParams, group: Group, lang: Lang): ReportSource {
    const f = { campaignId: p.campaignId, product: p.product, from: p.from, to: p.to };
    const columns = columnsOf('progress', group);
    const withTarget = (r: Counters, target: number | null) => [
      ...counters(r),
      target,
      ratio(r.enrollments, target),
    ];
    switch (group) {
      case 'unit':
        return {
          columns,
          count: () => repo.progressByUnit.count(actor, f),
          chunks: () =>
            keyset(
              (after: { path: string; product: string } | null) =>
                repo.progressByUnit.page(actor, f, { after, limit: CHUNK }),
              (r) => ({ path: r.path, product: r.product }),
              (r) => [
                r.code,
                r.name,
                kindLabel(r.kind, lang),
                r.province_code,
                productLabel(r.product, lang),
                ...withTarget(r, r.target),
              ],
            ),
        };
      case 'agent':
        return {
          columns,
          count: () => repo.progressByAgent.count(actor, f),
          chunks: () =>
            keyset(
              (after: { path: string; id: number; product: string } | null) =>
                repo.progressByAgent.page(actor, f, { after, limit: CHUNK }),
              (r) => ({ path: r.path, id: r.id, product: r.product }),
              (r) => [
                r.full_name,
                r.unit_name,
                r.province_code,
                productLabel(r.product, lang),
                ...withTarget(r, r.target),
              ],
            ),
        };
      case 'channel':
        return whole(columns, async () =>
          (await repo.progressByChannel(actor, f)).map((r) => [
            channelLabel(r.channel, lang),
            productLabel(r.product, lang),
            ...counters(r),
          ]),
        );
      default:
        return whole(columns, async () => {
          const [{ counted, targets }, provinces] = await Promise.all([
            repo.progressByProvince(actor, f),
            repo.provinces(null),
          ]);
          const key = (province: string, product: string) => `${province}:${product}`;
          const byKey = new Map(counted.map((r) => [key(r.province_code, r.product), r]));
          const targetBy = new Map(targets.map((t) => [key(t.province_code, t.product), Number(t.target)]));
          const zero = { enrollments: 0, first_payments: 0, payments: 0, amount: 0 };
          return provinces.flatMap((province) =>
            (['vsi', 'hhi'] as const).flatMap((product) => {
              const k = key(province.code, product);
              if (!byKey.has(k) && !targetBy.has(k)) return [];
              return [
                [
                  province.code,
                  province.name,
                  productLabel(product, lang),
                  ...withTarget(byKey.get(k) ?? zero, targetBy.get(k) ?? null),
                ],
              ];
            }),
          );
        });
    }
  }

  function funnelReport(actor: Actor, p: ReportParams, group: Group, lang: Lang): ReportSource {
    const f = { campaignId: p.campaignId };
    const columns = columnsOf('funnel', group);
    switch (group) {
      case 'agent':
        return {
          columns,
          count: () => repo.funnelByAgent.count(actor, f),
          chunks: () =>
            keyset(
              (after: number | null) => repo.funnelByAgent.page(actor, f, { after, limit: CHUNK }),
              (r) => r.id,
              (r) => [r.full_name ?? unassigned(lang), r.unit_name, r.province_code, ...funnel(r)],
            ),
        };
      case 'channel':
        return whole(columns, async () =>
          (await repo.funnelByChannel(actor, f)).map((r) => [channelLabel(r.channel, lang), ...funnel(r)]),
        );
      default:
        return {
          columns,
          count: () => repo.funnelByUnit.count(actor, f),
          chunks: () =>
            keyset(
              (after: string | null) => repo.funnelByUnit.page(actor, f, { after, limit: CHUNK }),
              (r) => r.path,
              (r) => [r.code, r.name, kindLabel(r.kind, lang), r.province_code, ...funnel(r)],
            ),
        };
    }
  }

  function kpis(actor: Actor, campaignId: number, lang: Lang): ReportSource {
    return whole(columnsOf('kpis', undefined), async () => {
      const provinces = await regionProvinces(actor);
      const places: { code: string | null; name: string }[] = [
        ...provinces,
        ...(actor.national || provinces.length > 1 ? [{ code: null, name: totalLabel(actor, lang) }] : []),
      ];
      const rows: Row[] = [];
      // One province at a time: the counters are one grouped query each, and a national report has 35.
      for (const place of places) {
        const k = await campaigns.kpis(actor, campaignId, place.code);
        rows.push([
          place.code,
          place.name,
          k.activities,
          k.convoys,
          k.cars,
          k.motorbikes,
          k.communesReached,
          k.conferences,
          k.conferenceAttendees,
          k.doorToDoorGroups,
          k.peopleReached,
          k.loudspeakerBroadcasts,
          k.articles,
          k.printedItems,
          k.localLaunches,
        ]);
      }
      return rows;
    });
  }

  function coverage(actor: Actor, asOf: string, lang: Lang): ReportSource {
    return whole(columnsOf('coverage', undefined), async () => {
      const provinces = await regionProvinces(actor);
      const places: { code: string | null; name: string }[] = [
        ...provinces,
        ...(actor.national ? [{ code: null, name: totalLabel(actor, lang) }] : []),
      ];
      const rows: Row[] = [];
      for (const place of places) {
        // The bulletin's own figures, so the report and the press paragraph never disagree.
        const { figures: c } = await dashboards.bulletin(actor, { asOf, scope: place.code ?? undefined });
        const total = c.compulsory === null ? null : c.compulsory + c.voluntary;
        const before = c.lastYear;
        const totalBefore =
          before && before.compulsory !== null ? before.compulsory + before.voluntary : null;
        const growth = (now: number | null, then: number | null | undefined) =>
          now !== null && then ? now / then - 1 : null;
        rows.push([
          place.code,
          place.name,
          c.labourForce,
          total,
          total === null ? null : ratio(total, c.labourForce),
          c.voluntary,
          ratio(c.voluntary, c.labourForce),
          c.householdHi,
          totalBefore,
          growth(total, totalBefore),
          before ? before.voluntary : null,
          growth(c.voluntary, before?.voluntary),
        ]);
      }
      return rows;
    });
  }

  function lapsed(actor: Actor, p: ReportParams, lang: Lang): ReportSource {
    const today = vietnamDate(clock);
    // The worklist's win-back bucket: more than 30 days past the deadline.
    const latest = windowOf('lapsed', today).to;
    const window = { from: p.from, to: p.to && p.to < latest ? p.to : latest };
    const showId = seesFullPersonalIds(actor.role);
    return {
      columns: columnsOf('lapsed', undefined),
      count: () => repo.countLapsed(actor, window),
      async *chunks() {
        const book = await rules.book();
        yield* keyset(
          (after: number | null) => repo.lapsedPage(actor, window, { after, limit: CHUNK }),
          (r) => Number(r.ref_id),
          (r) => {
            const paidThrough = month(r.paid_through);
            const next = nextUnpaidMonth({ startMonth: month(r.start_month)!, paidThrough });
            // What one period of their usual mode costs today, as the worklist quotes it.
            const quote = calculate(
              'vsi-quote',
              {
                paymentDate: today,
                monthlyIncome: Number(r.monthly_income),
                mode: r.mode,
                categories: r.categories.length ? r.categories : ['other'],
                provinceCode: r.province_code,
                supportedMonthsUsed: r.supported_months_used,
              },
              { book, today },
            );
            return [
              r.full_name,
              showId ? r.personal_id : maskPersonalId(r.personal_id),
              r.contact_consent ? r.phone : null,
              r.commune_name,
              r.province_name,
              paidThrough,
              r.due_date,
              Math.max(0, monthsBetween(next, monthOfDate(today))),
              MODE_LABELS[r.mode]?.[lang] ?? r.mode,
              quote.ok ? (quote.result as VsiQuoteResult).total : null,
            ];
          },
        );
      },
    };
  }

  return {
    open(actor: Actor, kind: ReportKind, p: ReportParams, lang: Lang): ReportSource {
      switch (kind) {
        case 'progress':
          return progress(actor, p, p.groupBy ?? 'province', lang);
        case 'funnel':
          return funnelReport(actor, p, p.groupBy ?? 'unit', lang);
        case 'kpis':
          return kpis(actor, p.campaignId!, lang);
        case 'coverage':
          return coverage(actor, p.asOf ?? vietnamDate(clock), lang);
        case 'lapsed':
          return lapsed(actor, p, lang);
      }
    },
  };
}

export type ReportSources = ReturnType<typeof createReportSources>;
