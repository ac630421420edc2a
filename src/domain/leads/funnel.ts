/**
 * The campaign funnel: contacted → consulted → enrolled → first payment → still paying after 12
 * months, and the share of each step that went on to the next.
 */
export const FUNNEL_STEPS = ['contacted', 'consulted', 'enrolled', 'firstPaid', 'retained12m'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];
export type FunnelCounts = Record<FunnelStep, number>;
export type FunnelRates = Record<Exclude<FunnelStep, 'contacted'>, number | null>;

/**
 * Each step as a share of the one before, to four decimals; null after a step of zero. People who
 * enrolled without ever being a lead (a walk-in at the post office) count as enrolled, so a later
 * step can outnumber an earlier one: the share stops at 1, as a share of people cannot pass 100%.
 */
export function conversionRates(counts: FunnelCounts): FunnelRates {
  const share = (step: FunnelStep, previous: FunnelStep) =>
    counts[previous] > 0 ? Math.round(Math.min(1, counts[step] / counts[previous]) * 10_000) / 10_000 : null;
  return {
    consulted: share('consulted', 'contacted'),
    enrolled: share('enrolled', 'consulted'),
    firstPaid: share('firstPaid', 'enrolled'),
    retained12m: share('retained12m', 'firstPaid'),
  };
}
