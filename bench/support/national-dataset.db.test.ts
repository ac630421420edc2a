import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRuleBook } from '../../src/domain/law/index.ts';
import { bulkLoad } from '../../src/modules/demo/demo.bulk.ts';
import { createSettingsRepository } from '../../src/modules/system/system.repository.ts';
import { setupTestDatabase } from '../../test/db/test-db.ts';
import {
  baseCampaignFigures,
  baseCoverage,
  baseProvinceDays,
  rollupCoverage,
  rollupProvinceDays,
} from './base-figures.ts';
import { generateNational, type NationalMarker, nationalPlan, plannedDays } from './national-dataset.ts';

const t = setupTestDatabase();
const plan = nationalPlan({ participants: 2_000, today: '2026-11-25' });
const book = createRuleBook();
let campaigns: { id: number }[] = [];

const counts = async () => {
  const { rows } = await sql<Record<string, string>>`
    select (select count(*) from participant) as participants, (select count(*) from vsi_enrollment) as enrollments,
           (select count(*) from household_member) as members, (select count(*) from payment) as payments,
           (select count(distinct province_code) from participant) as provinces,
           (select min(vn_day(created_at)) from participant) as first, (select max(vn_day(created_at)) from participant) as last`.execute(
    t.db,
  );
  return rows[0]!;
};

beforeAll(async () => {
  campaigns = (await generateNational(t.db, plan, { book })).campaigns;
}, 600_000);

describe('the national dataset, at 2,000 people', () => {
  it('plans every day of five years, adding up to the people asked for', () => {
    const days = plannedDays(plan);
    expect(days[0]!.date).toBe('2021-12-01');
    expect(days.at(-1)!.date).toBe('2026-11-24');
    expect(days.reduce((a, d) => a + d.vsi + d.hhi, 0)).toBe(2_000);
    const launch = days.filter((d) => d.date === '2022-05-08').reduce((a, d) => a + d.vsi + d.hhi, 0);
    expect(launch).toBeGreaterThan(100);
  });

  it('has the people, spread over the provinces, with ten payments a person or more over five years', async () => {
    const c = await counts();
    // A personal ID drawn twice is dropped, and made up for by yesterday's registrations.
    expect(Number(c.participants)).toBe(2_000);
    expect(Number(c.enrollments) + Number(c.members)).toBe(Number(c.participants));
    expect(Number(c.provinces)).toBe(34);
    expect(Number(c.payments)).toBeGreaterThanOrEqual(10 * Number(c.participants));
    expect([c.first, c.last]).toEqual(['2021-12-01', '2026-11-24']);
    expect(campaigns).toHaveLength(5);
  });

  it('has roll-ups equal to a GROUP BY over the base tables', async () => {
    for (const { id } of campaigns) {
      const rollups = await rollupProvinceDays(t.db, id);
      expect(rollups.length).toBeGreaterThan(0);
      expect(rollups).toEqual(await baseProvinceDays(t.db, id));
      const base = await baseCampaignFigures(t.db, {
        campaignId: id,
        products: ['vsi', 'hhi'],
        area: { kind: 'country' },
      });
      expect(base.totals.enrollments).toBe(rollups.reduce((a, r) => a + r.enrollments, 0));
      expect(base.totals.amount).toBe(rollups.reduce((a, r) => a + r.amount, 0));
    }
    for (const month of ['2022-05-01', '2023-12-01', '2026-11-01']) {
      const covered = await rollupCoverage(t.db, month);
      expect(covered.length).toBeGreaterThan(0);
      expect(covered).toEqual(await baseCoverage(t.db, month, null));
    }
  });

  it('is left alone when already there, and resumes a load cut short without loading a month twice', async () => {
    const before = await counts();
    const again = await generateNational(t.db, plan, { book });
    expect(again.generatedNow).toBe(false);
    expect(again.campaigns.map((c) => c.id)).toEqual(campaigns.map((c) => c.id));

    // As if the run had stopped after committing the last month but before marking it.
    const settings = createSettingsRepository(t.db);
    const marker = (await settings.get<NationalMarker>('bench.national'))!;
    await settings.set(t.db, 'bench.national', {
      ...marker,
      ready: false,
      months: marker.months.slice(0, -1),
    });
    const resumed = await generateNational(t.db, plan, { book });
    expect(resumed.generatedNow).toBe(true);
    expect(await counts()).toEqual(before);
    await expect(generateNational(t.db, { ...plan, participants: 3_000 }, { book })).rejects.toThrow(
      /another plan/,
    );
  }, 300_000);

  it('keeps the roll-ups exact when a top-up is loaded with the triggers on', async () => {
    const ongoing = campaigns.at(-1)!.id;
    const r = await bulkLoad(t.db, [{ date: '2026-11-24', vsi: 12, hhi: 13, campaignId: ongoing }], {
      today: plan.today,
      book,
      seed: 0.777,
      rebuildStats: false,
      triggers: true,
    });
    expect(r.participants).toBe(25);
    const rollups = await rollupProvinceDays(t.db, ongoing);
    expect(rollups).toEqual(await baseProvinceDays(t.db, ongoing));
    expect(await rollupCoverage(t.db, '2026-11-01')).toEqual(await baseCoverage(t.db, '2026-11-01', null));
  });
});
