/**
 * The campaign screens' arithmetic, kept out of the components so it can be tested: the daily trend
 * with its empty days, the map's colour bands, the launch wall in tree order, the funnel's steps.
 */
import { addDays } from '../../domain/law/law.calendar.ts';
import type { BridgePoint, Funnel, ProvinceTile, TrendDay } from '../components/campaign-types.ts';

export interface TrendPoint {
  day: string;
  enrollments: number;
  cumulative: number;
}

/**
 * Every day from the start to `until`, a day without registrations as 0: the roll-up only has rows
 * for days that had some, and a chart that skips quiet days hides them.
 */
export function fillTrend(trend: readonly TrendDay[], startsOn: string, until: string): TrendPoint[] {
  const byDay = new Map(trend.map((d) => [d.day, d.enrollments]));
  const points: TrendPoint[] = [];
  let cumulative = 0;
  for (let day = startsOn; day <= until && points.length < 400; day = addDays(day, 1)) {
    const enrollments = byDay.get(day) ?? 0;
    cumulative += enrollments;
    points.push({ day, enrollments, cumulative });
  }
  return points;
}

/**
 * The running total that reaches the target on the campaign's last day at an even pace, for each
 * day shown: day i of n should have i/n of the target.
 */
export function paceLine(points: readonly TrendPoint[], target: number, startsOn: string, endsOn: string) {
  const days = Math.round((Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000) + 1;
  return points.map((_, i) => Math.round((target * (i + 1)) / Math.max(1, days)));
}

export type MapMode = 'target' | 'enrollments';
export const BANDS = 5;

/** Colour by % of target once targets are given to the provinces; by registrations until then. */
export function mapMode(tiles: readonly ProvinceTile[]): MapMode {
  return tiles.some((t) => t.target > 0) ? 'target' : 'enrollments';
}

/**
 * A tile's colour band, 1 (pale) to 5 (dark); 0 means nothing to colour (no target, or nobody yet).
 * By target, each band is a quarter of it and the fifth is "reached"; by registrations, the bands
 * split the largest province's count in five.
 */
export function tileBand(tile: ProvinceTile, mode: MapMode, maxEnrollments: number): number {
  if (mode === 'target') {
    if (tile.target <= 0 || tile.reached === null) return 0;
    return tile.reached >= 1 ? 5 : Math.min(4, Math.floor(tile.reached * 4) + 1);
  }
  if (tile.enrollments <= 0 || maxEnrollments <= 0) return 0;
  return Math.max(1, Math.min(BANDS, Math.ceil((tile.enrollments / maxEnrollments) * BANDS)));
}

/**
 * The registrations each band holds, for the legend: band k takes counts above (k-1)/5 of the
 * maximum up to k/5 of it. A band no whole number falls in is null (a maximum below five).
 */
export function enrollmentBands(maxEnrollments: number): ([number, number] | null)[] {
  return Array.from({ length: BANDS }, (_, i) => {
    const from = Math.floor((i * maxEnrollments) / BANDS) + 1;
    const to = Math.floor(((i + 1) * maxEnrollments) / BANDS);
    return to >= from ? [from, to] : null;
  });
}

export interface TreeRow<T> {
  item: T;
  depth: number;
  hasChildren: boolean;
}

/**
 * The launch wall in tree order: the central point, then each point under its parent, depth first.
 * A point whose parent the caller cannot see starts a tree of its own.
 */
export function bridgeTree<T extends Pick<BridgePoint, 'id' | 'parentId'>>(
  items: readonly T[],
): TreeRow<T>[] {
  const ids = new Set(items.map((i) => i.id));
  const children = new Map<number | null, T[]>();
  for (const item of items) {
    const parent = item.parentId !== null && ids.has(item.parentId) ? item.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  const rows: TreeRow<T>[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const item of children.get(parent) ?? []) {
      rows.push({ item, depth, hasChildren: (children.get(item.id)?.length ?? 0) > 0 });
      walk(item.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

export type WallGroupKey = 'central' | 'provincial' | 'local';
export interface WallGroup<T> {
  key: WallGroupKey;
  items: T[];
  live: number;
}

const GROUP_OF: Record<BridgePoint['level'], WallGroupKey> = {
  central: 'central',
  provincial: 'provincial',
  grassroots: 'local',
  post_office: 'local',
};

/**
 * The projection wall's bands, from the top: the central point, the provinces, then the grassroots
 * offices and post offices together (the third tier of the ceremony). Each band keeps tree order,
 * so the points of one province sit side by side; a band with no point is left out.
 */
export function wallGroups<T extends Pick<BridgePoint, 'id' | 'parentId' | 'level' | 'liveAt'>>(
  items: readonly T[],
): WallGroup<T>[] {
  const rows = bridgeTree(items).map((r) => r.item);
  return (['central', 'provincial', 'local'] as const)
    .map((key) => {
      const inGroup = rows.filter((i) => GROUP_OF[i.level] === key);
      return { key, items: inGroup, live: inGroup.filter((i) => i.liveAt !== null).length };
    })
    .filter((g) => g.items.length > 0);
}

export const FUNNEL_STEPS = ['contacted', 'consulted', 'enrolled', 'firstPaid', 'retained12m'] as const;

export interface FunnelStep {
  key: (typeof FUNNEL_STEPS)[number];
  value: number;
  /** Share of the widest step, for the bar's length. */
  width: number;
  /** Share of the previous step that went on to this one; null for the first step or after a zero. */
  conversion: number | null;
}

export function funnelSteps(funnel: Funnel): FunnelStep[] {
  const widest = Math.max(0, ...FUNNEL_STEPS.map((k) => funnel[k]));
  return FUNNEL_STEPS.map((key, i) => {
    const value = funnel[key];
    const previous = i > 0 ? funnel[FUNNEL_STEPS[i - 1]!] : 0;
    return {
      key,
      value,
      width: widest > 0 ? value / widest : 0,
      conversion: i > 0 && previous > 0 ? value / previous : null,
    };
  });
}
