import { type Covered, type CoveredBefore, coverageFigures } from '../../domain/campaigns/bulletin.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import type { Actor } from '../access/access.actor.ts';
import type { CoverageRepository } from './dashboards.coverage.repository.ts';
import type { DashboardScopes } from './dashboards.scope.ts';

const NOBODY: Covered = { labourForce: null, compulsory: null, voluntary: 0, householdHi: 0 };

/** A year before, on the same day (29 February falls back to the 28th). */
export function yearBefore(date: string): string {
  const y = Number(date.slice(0, 4)) - 1;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${y}-${md}`;
}

/** Several provinces as one: each figure sums the provinces that have it, null when none has. */
export function sumOf(rows: Iterable<Covered>): Covered {
  const total: Covered = { ...NOBODY };
  for (const r of rows) {
    if (r.labourForce !== null) total.labourForce = (total.labourForce ?? 0) + r.labourForce;
    if (r.compulsory !== null) total.compulsory = (total.compulsory ?? 0) + r.compulsory;
    total.voluntary += r.voluntary;
    total.householdHi += r.householdHi;
  }
  return total;
}

/** A year earlier with nothing recorded is no year to compare with. */
export function lastYearOf(before: Covered): CoveredBefore | null {
  const had = before.compulsory !== null || before.voluntary > 0 || before.householdHi > 0;
  return had
    ? { compulsory: before.compulsory, voluntary: before.voluntary, householdHi: before.householdHi }
    : null;
}

/**
 * Coverage of the labour force, as of any day. The compulsory count and the labour force come from
 * the dated denominators in force that day; the voluntary and household participants of the month
 * from the coverage roll-up, plus the voluntary participants recorded outside Điểm Tựa. Everything
 * is keyed on today's 34 provinces, so a year-earlier figure is already on today's map.
 */
export function createCoverage({
  repo,
  scopes,
  clock,
}: {
  repo: CoverageRepository;
  scopes: DashboardScopes;
  clock: Clock;
}) {
  /** People covered on a day, per province (null: every province). */
  async function coverageOn(
    date: string,
    provinces: readonly string[] | null,
  ): Promise<Map<string, Covered>> {
    const [denominators, covered] = await Promise.all([
      repo.denominatorsOn(date, provinces),
      repo.coveredIn(`${date.slice(0, 7)}-01`, provinces),
    ]);
    const byProvince = new Map<string, Covered>();
    const at = (code: string) => {
      const row = byProvince.get(code) ?? { ...NOBODY };
      byProvince.set(code, row);
      return row;
    };
    for (const d of denominators) {
      const row = at(d.province);
      row.labourForce = d.labourForce;
      row.compulsory = d.compulsory;
      row.voluntary += d.outside;
    }
    for (const c of covered) {
      const row = at(c.province);
      row.voluntary += c.vsi;
      row.householdHi += c.hhi;
    }
    return byProvince;
  }

  const present = (code: string | null, name: string, now: Covered, before: Covered) => {
    const lastYear = lastYearOf(before);
    return { code, name, ...now, ...coverageFigures(now, lastYear), lastYear };
  };

  return {
    on: coverageOn,

    /**
     * The coverage panel and the map by coverage: the country (for a national caller), and each
     * province the caller may see, or the one asked for.
     */
    async coverage(actor: Actor, input: { asOf?: string | undefined; province?: string | undefined }) {
      const asOf = input.asOf ?? vietnamDate(clock);
      const lastYearAsOf = yearBefore(asOf);
      const asked = input.province === undefined ? null : await scopes.province(actor, input.province);
      const provinces = asked !== null ? [asked] : actor.national ? null : [...actor.provinces];
      const [now, before, names] = await Promise.all([
        coverageOn(asOf, provinces),
        coverageOn(lastYearAsOf, provinces),
        scopes.provinceNames(),
      ]);
      const codes = provinces ?? [...names.keys()];
      return {
        asOf,
        lastYearAsOf,
        national:
          asked === null && actor.national
            ? present(null, 'Toàn quốc', sumOf(now.values()), sumOf(before.values()))
            : null,
        provinces: codes.map((code) =>
          present(code, names.get(code) ?? code, now.get(code) ?? NOBODY, before.get(code) ?? NOBODY),
        ),
      };
    },
  };
}

export type Coverage = ReturnType<typeof createCoverage>;
