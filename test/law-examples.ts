import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type {
  CalcOutcome,
  CitizenIdResult,
  PensionResult,
  RetirementAgeResult,
  VsiQuoteResult,
} from '../src/domain/law/index.ts';
import { addDays } from '../src/domain/law/index.ts';
import { LEGACY_PROVINCES } from '../src/domain/units/legacy-provinces.ts';

/**
 * The published worked examples (test/fixtures/examples.json, a copy of shared/domain/examples.json)
 * as cases run through any caller of the contract: the engine itself, HTTP, or the CLI. The
 * expected numbers are read from the JSON, so a changed example fails.
 */
export interface Example {
  id: string;
  kind: string;
  as_of_date: string;
  inputs: Record<string, unknown>;
  expected: Record<string, number | string>;
  notes: string;
}

export const EXAMPLES_FIXTURE = new URL('./fixtures/examples.json', import.meta.url);
export const examples: Example[] = JSON.parse(readFileSync(EXAMPLES_FIXTURE, 'utf8'));

/** Runs every example through one caller. */
export function exampleTests(api: () => ExampleApi) {
  return examples.map((example) => {
    const c = CASES[example.id];
    return {
      title: `${example.id}: ${c?.name ?? 'has no case'}`,
      run: async () => {
        expect(c).toBeDefined();
        await c!.run(example, api());
      },
    };
  });
}

function num(example: Example, field: string): number {
  const value = example.expected[field];
  if (typeof value !== 'number') throw new Error(`${example.id}: expected.${field} is not a number`);
  return value;
}

/** The first and last day of an `as_of_date` that may be a range "A..B". */
function days(asOf: string): string[] {
  return asOf.includes('..') ? asOf.split('..') : [asOf];
}

export interface ExampleApi {
  calc(kind: string, input: Record<string, unknown>): Promise<CalcOutcome<unknown>>;
  param(key: string, date: string, scope?: string): Promise<number | undefined>;
}

type Case = { name: string; run: (e: Example, api: ExampleApi) => Promise<void> };

async function quoteWith(api: ExampleApi, input: Record<string, unknown>): Promise<VsiQuoteResult> {
  const out = await api.calc('vsi-quote', { mode: 'monthly', ...input });
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out.result as VsiQuoteResult;
}

function supportCase(name: string, category: string): Case {
  return {
    name,
    run: async (e, api) => {
      const date = e.as_of_date;
      const line = e.inputs.rural_poverty_line as number;
      const now = await quoteWith(api, { paymentDate: date, monthlyIncome: line, categories: [category] });
      expect(now.stateSupportMonthly).toBe(num(e, 'state_support_per_month'));
      expect(now.netMonthly).toBe(now.grossMonthly - num(e, 'state_support_per_month'));
      if ('previous_support' in e.expected) {
        const before = await quoteWith(api, {
          paymentDate: addDays(date, -1),
          monthlyIncome: e.inputs.previous_rural_poverty_line as number,
          categories: [category],
        });
        expect(before.stateSupportMonthly).toBe(num(e, 'previous_support'));
        expect(now.stateSupportMonthly - before.stateSupportMonthly).toBe(num(e, 'increase'));
      }
    },
  };
}

function paysCase(name: string, categories: string[]): Case {
  return {
    name,
    run: async (e, api) => {
      for (const category of categories) {
        const r = await quoteWith(api, {
          paymentDate: e.as_of_date,
          monthlyIncome: e.inputs.chosen_income as number,
          categories: [category],
        });
        expect(r.netMonthly).toBe(num(e, 'participant_pays_per_month'));
        expect(r.stateSupportMonthly).toBe(num(e, 'state_support_per_month'));
      }
    },
  };
}

export const CASES: Record<string, Case> = {
  E01: supportCase('near-poor in 2020 receive 38,500 a month', 'near_poor'),
  E03: {
    name: 'the minimum contribution rises from 154,000 to 330,000 on 2022-01-01',
    run: async (e, api) => {
      const now = await quoteWith(api, {
        paymentDate: e.as_of_date,
        monthlyIncome: e.inputs.rural_poverty_line as number,
      });
      const before = await quoteWith(api, {
        paymentDate: addDays(e.as_of_date, -1),
        monthlyIncome: e.inputs.previous_rural_poverty_line as number,
      });
      expect(now.grossMonthly).toBe(num(e, 'min_monthly_contribution'));
      expect(now.grossMonthly - before.grossMonthly).toBe(num(e, 'increase_vs_2021'));
    },
  },
  E04: supportCase('the poor receive 99,000 from 2022 (46,200 the day before) and pay 231,000', 'poor'),
  E05: supportCase('the near-poor receive 82,500 from 2022 (38,500 before) and pay 247,500', 'near_poor'),
  E06: supportCase('other participants receive 33,000 from 2022 (15,400 before) and pay 297,000', 'other'),
  E07: paysCase('the poor and island communes pay 165,000 after 165,000 of support in August 2025', [
    'poor',
    'island_commune',
  ]),
  E08: paysCase('the near-poor pay 198,000 after 132,000 of support in August 2025', ['near_poor']),
  E09: paysCase('ethnic minorities pay 231,000 after 99,000 of support in August 2025', ['ethnic_minority']),
  E10: {
    name: 'from 2025-07-01 others receive 66,000, pay 264,000 at the floor, and income stops at 46,800,000',
    run: async (e, api) => {
      const floor = await quoteWith(api, {
        paymentDate: e.as_of_date,
        monthlyIncome: e.inputs.rural_poverty_line as number,
        categories: ['other'],
      });
      expect(floor.stateSupportMonthly).toBe(num(e, 'state_support_per_month'));
      expect(floor.netMonthly).toBe(num(e, 'participant_pays_at_floor'));
      const max = num(e, 'max_income');
      expect((await quoteWith(api, { paymentDate: e.as_of_date, monthlyIncome: max })).grossMonthly).toBe(
        10_296_000,
      );
      const above = await api.calc('vsi-quote', {
        paymentDate: e.as_of_date,
        monthlyIncome: max + 50_000,
        mode: 'monthly',
      });
      expect(above.ok ? undefined : above.error.code).toBe('calc.income_above_ceiling');
    },
  },
  E12: {
    name: 'from 2025-07-01 the contribution runs from 330,000 to 10,296,000',
    run: async (e, api) => {
      expect(
        (await quoteWith(api, { paymentDate: e.as_of_date, monthlyIncome: 1_500_000 })).grossMonthly,
      ).toBe(num(e, 'min_monthly_contribution'));
      expect(
        (await quoteWith(api, { paymentDate: e.as_of_date, monthlyIncome: 46_800_000 })).grossMonthly,
      ).toBe(num(e, 'max_monthly_contribution'));
    },
  },
  E13: {
    name: 'from 2019-07-01 to 2021-12-31 the contribution runs from 154,000 to 6,556,000',
    run: async (e, api) => {
      for (const date of days(e.as_of_date)) {
        const max = 20 * (e.inputs.base_salary as number);
        expect(
          (await quoteWith(api, { paymentDate: date, monthlyIncome: e.inputs.rural_poverty_line as number }))
            .grossMonthly,
        ).toBe(num(e, 'min_monthly_contribution'));
        expect((await quoteWith(api, { paymentDate: date, monthlyIncome: max })).grossMonthly).toBe(
          num(e, 'max_monthly_contribution'),
        );
      }
    },
  },
  E15: {
    name: 'support is a fixed amount: others pay 138,600 at the floor and 6,540,600 at the ceiling (2019–2021)',
    run: async (e, api) => {
      const supports = e.inputs.supports as Record<string, number>;
      for (const date of days(e.as_of_date)) {
        for (const [category, amount] of Object.entries(supports)) {
          expect(
            (await quoteWith(api, { paymentDate: date, monthlyIncome: 700_000, categories: [category] }))
              .stateSupportMonthly,
          ).toBe(amount);
        }
        expect((await quoteWith(api, { paymentDate: date, monthlyIncome: 700_000 })).netMonthly).toBe(
          num(e, 'lowest_payment_other_category'),
        );
        expect((await quoteWith(api, { paymentDate: date, monthlyIncome: 29_800_000 })).netMonthly).toBe(
          num(e, 'highest_payment_other_category'),
        );
        expect(
          (await quoteWith(api, { paymentDate: date, monthlyIncome: 700_000, categories: ['poor'] }))
            .netMonthly,
        ).toBe(107_800);
      }
    },
  },
  E20: {
    name: 'a VSI mother with at least 6 of 12 months paid receives 2,000,000 per child from 2025-07-01',
    run: async (e, api) => {
      const min = (await api.param('benefit.maternity_min_months', e.as_of_date))!;
      expect(e.inputs.voluntary_months_in_12_before_birth as number).toBeGreaterThanOrEqual(min);
      expect(
        (await api.param('benefit.maternity_allowance', e.as_of_date))! * (e.inputs.children as number),
      ).toBe(num(e, 'maternity_allowance'));
      expect(await api.param('benefit.maternity_allowance', '2025-06-30')).toBeUndefined();
    },
  },
  E21: {
    name: 'the social pension is 500,000 a month at 75 (70 for poor households) from 2025-07-01',
    run: async (e, api) => {
      expect(await api.param('benefit.social_pension', e.as_of_date)).toBe(
        num(e, 'social_pension_per_month'),
      );
      expect(await api.param('benefit.social_pension_age', e.as_of_date)).toBe(e.inputs.age);
      expect(await api.param('benefit.social_pension_age_poor', e.as_of_date)).toBe(70);
    },
  },
  E26: {
    name: 'in 2026 men retire at 61y6m and women at 57y0m',
    run: async (e, api) => {
      const age = (months: number) => `${Math.floor(months / 12)}y${months % 12}m`;
      expect(age((await api.param('retire.age_months', e.as_of_date, 'M'))!)).toBe(
        e.expected.retirement_age_male,
      );
      expect(age((await api.param('retire.age_months', e.as_of_date, 'F'))!)).toBe(
        e.expected.retirement_age_female,
      );
      const man = await api.calc('retirement-age', { sex: 'M', birthMonth: '1965-01' });
      const woman = await api.calc('retirement-age', { sex: 'F', birthMonth: '1969-05' });
      const m = man.ok ? (man.result as RetirementAgeResult) : undefined;
      const w = woman.ok ? (woman.result as RetirementAgeResult) : undefined;
      expect([m?.years, m?.months, m?.reachesAgeMonth]).toEqual([61, 6, '2026-07']);
      expect([w?.years, w?.months, w?.reachesAgeMonth]).toEqual([57, 0, '2026-05']);
    },
  },
  E29: {
    name: 'from 2025-07-01 a woman with 15 years gets 45%, a man 40%, 44% at 19 and 45% at 20 years',
    run: async (e, api) => {
      const rate = async (sex: string, years: number) => {
        const out = await api.calc('pension', {
          sex,
          contributionMonths: years * 12,
          retirementMonth: e.as_of_date.slice(0, 7),
          averageMonthlyIncome: 5_000_000,
        });
        return out.ok ? (out.result as PensionResult).rate : Number.NaN;
      };
      expect(await rate('F', e.inputs.years as number)).toBe(num(e, 'pension_rate_female'));
      expect(await rate('M', e.inputs.years as number)).toBe(num(e, 'pension_rate_male'));
      expect(await rate('M', 19)).toBe(num(e, 'male_rate_at_19_years'));
      expect(await rate('M', 20)).toBe(num(e, 'male_rate_at_20_years'));
    },
  },
  E30: {
    name: 'a man born in Hà Nội in 1998 has a number starting 001098',
    run: async (e, api) => {
      const code = Object.entries(LEGACY_PROVINCES).find(([, name]) => name === e.inputs.province)![0];
      const id = `${code}0${String(e.inputs.birth_year).slice(2)}123456`;
      expect(id.slice(0, 6)).toBe(e.expected.cccd_prefix);
      const out = await api.calc('citizen-id', {
        id,
        birthDate: `${e.inputs.birth_year}-06-01`,
        sex: e.inputs.sex,
      });
      const r = out.ok ? (out.result as CitizenIdResult) : undefined;
      expect(r).toMatchObject({
        valid: true,
        birthProvinceCode: '001',
        birthProvinceName: 'Hà Nội',
        century: 1900,
        sex: 'M',
        birthYear: 1998,
      });
    },
  },
};
