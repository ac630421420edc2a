import { describe, expect, it } from 'vitest';
import type { BridgePoint, ProvinceTile } from '../components/campaign-types.ts';
import {
  bridgeTree,
  enrollmentBands,
  fillTrend,
  funnelSteps,
  mapMode,
  paceLine,
  tileBand,
  wallGroups,
} from './campaigns.model.ts';

const tile = (over: Partial<ProvinceTile>): ProvinceTile => ({
  code: '01',
  name: 'Thành phố Hà Nội',
  short: 'Hà Nội',
  row: 2,
  col: 2,
  enrollments: 0,
  target: 0,
  reached: null,
  ...over,
});

describe('the daily trend', () => {
  it('counts a quiet day as zero and keeps the running total', () => {
    const points = fillTrend(
      [
        { day: '2026-05-01', enrollments: 3, payments: 0, amount: 0 },
        { day: '2026-05-03', enrollments: 2, payments: 0, amount: 0 },
      ],
      '2026-05-01',
      '2026-05-04',
    );
    expect(points).toEqual([
      { day: '2026-05-01', enrollments: 3, cumulative: 3 },
      { day: '2026-05-02', enrollments: 0, cumulative: 3 },
      { day: '2026-05-03', enrollments: 2, cumulative: 5 },
      { day: '2026-05-04', enrollments: 0, cumulative: 5 },
    ]);
  });
  it('draws the even pace to the target: a tenth of it after the first of ten days', () => {
    const points = fillTrend([], '2026-05-01', '2026-05-03');
    expect(paceLine(points, 1000, '2026-05-01', '2026-05-10')).toEqual([100, 200, 300]);
  });
  it('is empty before a campaign starts', () => {
    expect(fillTrend([], '2026-06-01', '2026-05-20')).toEqual([]);
  });
});

describe('the tile map', () => {
  it('colours by share of target once provinces have one', () => {
    const tiles = [tile({ target: 100, enrollments: 30, reached: 0.3 }), tile({ code: '79' })];
    expect(mapMode(tiles)).toBe('target');
    expect(tileBand(tiles[0]!, 'target', 30)).toBe(2);
    expect(tileBand(tile({ target: 100, reached: 0 }), 'target', 30)).toBe(1);
    expect(tileBand(tile({ target: 100, reached: 1.2 }), 'target', 30)).toBe(5);
    expect(tileBand(tiles[1]!, 'target', 30)).toBe(0);
  });
  it('colours by registrations against the busiest province before targets are given', () => {
    expect(mapMode([tile({ enrollments: 4 })])).toBe('enrollments');
    expect(tileBand(tile({ enrollments: 10 }), 'enrollments', 10)).toBe(5);
    expect(tileBand(tile({ enrollments: 1 }), 'enrollments', 10)).toBe(1);
    expect(tileBand(tile({ enrollments: 0 }), 'enrollments', 10)).toBe(0);
    expect(enrollmentBands(10)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    // One registration in the busiest province: it is dark, and the legend has only that band.
    expect(tileBand(tile({ enrollments: 1 }), 'enrollments', 1)).toBe(5);
    expect(enrollmentBands(1)).toEqual([null, null, null, null, [1, 1]]);
  });
});

describe('the launch wall', () => {
  it('lists each bridge point under its parent, depth first', () => {
    const rows = bridgeTree([
      { id: 1, parentId: null },
      { id: 2, parentId: 1 },
      { id: 3, parentId: 1 },
      { id: 4, parentId: 2 },
    ]);
    expect(rows.map((r) => [r.item.id, r.depth, r.hasChildren])).toEqual([
      [1, 0, true],
      [2, 1, true],
      [4, 2, false],
      [3, 1, false],
    ]);
  });
  it('starts a tree at a point whose parent is out of sight', () => {
    expect(bridgeTree([{ id: 7, parentId: 5 }]).map((r) => r.depth)).toEqual([0]);
  });
});

describe('the funnel', () => {
  it('gives each step its share of the previous one', () => {
    const steps = funnelSteps({ contacted: 200, consulted: 100, enrolled: 50, firstPaid: 0, retained12m: 0 });
    expect(steps.map((s) => s.conversion)).toEqual([null, 0.5, 0.5, 0, null]);
    expect(steps[0]!.width).toBe(1);
    expect(steps[2]!.width).toBe(0.25);
  });
});

describe('the projection wall', () => {
  it('bands the points central, provincial, then grassroots and post offices, in tree order', () => {
    const point = (id: number, parentId: number | null, level: BridgePoint['level'], live = false) => ({
      id,
      parentId,
      level,
      liveAt: live ? '2026-05-08T01:00:00.000Z' : null,
    });
    const groups = wallGroups([
      point(1, null, 'central', true),
      point(2, 1, 'provincial', true),
      point(3, 1, 'provincial'),
      point(4, 3, 'post_office', true),
      point(5, 2, 'grassroots'),
    ]);
    expect(groups.map((g) => [g.key, g.items.map((i) => i.id), g.live])).toEqual([
      ['central', [1], 1],
      ['provincial', [2, 3], 1],
      ['local', [5, 4], 1],
    ]);
  });

  it('leaves out a band without points', () => {
    expect(
      wallGroups([{ id: 7, parentId: null, level: 'provincial', liveAt: null }]).map((g) => g.key),
    ).toEqual(['provincial']);
  });
});
