/**
 * Splitting a target down a hierarchy. The proposal follows potential: the labour force not yet
 * covered, weighted by past conversion. Every split is in whole people and adds up exactly
 * (largest remainder); a child may be overridden, and children never add up to more than their
 * parent.
 */
export interface SplitCandidate {
  id: string;
  /** People who could still join (labour force not covered, or the unit's share of it). */
  potential: number;
  /** Past conversion: registrations per thousand people of potential (any positive scale). */
  conversion?: number;
}

export function proposeSplit(total: number, candidates: SplitCandidate[]): Map<string, number> {
  const weights = candidates.map(
    (c) => Math.max(0, c.potential) * (c.conversion && c.conversion > 0 ? c.conversion : 1),
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  const result = new Map<string, number>();
  if (candidates.length === 0) return result;
  if (sum === 0) {
    // Nothing to go by: share evenly.
    for (const [i, c] of candidates.entries()) {
      result.set(c.id, Math.floor(total / candidates.length) + (i < total % candidates.length ? 1 : 0));
    }
    return result;
  }
  const exact = weights.map((w) => (total * w) / sum);
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - floors[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    floors[i]! += 1;
    left--;
  }
  for (const [i, c] of candidates.entries()) result.set(c.id, floors[i]!);
  return result;
}

export interface ChildTarget {
  id: string;
  amount: number;
  overridden: boolean;
}

/**
 * Re-balances after overrides: overridden children keep their figure, the others share what is
 * left in proportion to their proposal. Returns null when the overrides alone exceed the parent.
 */
export function rebalance(
  parent: number,
  children: ChildTarget[],
  proposals: Map<string, number>,
): Map<string, number> | null {
  const fixed = children.filter((c) => c.overridden);
  const fixedSum = fixed.reduce((a, c) => a + c.amount, 0);
  if (fixedSum > parent) return null;
  const free = children.filter((c) => !c.overridden);
  const shares = proposeSplit(
    parent - fixedSum,
    free.map((c) => ({ id: c.id, potential: proposals.get(c.id) ?? 0 })),
  );
  const out = new Map<string, number>();
  for (const c of fixed) out.set(c.id, c.amount);
  for (const c of free) out.set(c.id, shares.get(c.id) ?? 0);
  return out;
}

export interface Pace {
  /** Share of the target reached. */
  reached: number;
  /** Share of the campaign's time elapsed. */
  elapsed: number;
  /** Registrations expected by the end at the pace so far. */
  forecast: number;
  /** Behind when the share reached trails the share of time by more than the tolerance. */
  behind: boolean;
}

/** Days are counted inclusively; before the start nothing has elapsed, after the end all of it. */
export function paceOf(
  input: { target: number; actual: number; start: string; end: string; today: string },
  tolerance = 0.1,
): Pace {
  const day = (d: string) =>
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
  const total = day(input.end) - day(input.start) + 1;
  const gone = Math.min(total, Math.max(0, day(input.today) - day(input.start) + 1));
  const elapsed = total > 0 ? gone / total : 1;
  const reached = input.target > 0 ? input.actual / input.target : 0;
  const forecast = gone > 0 ? Math.round((input.actual / gone) * total) : 0;
  return { reached, elapsed, forecast, behind: gone > 0 && reached + tolerance < elapsed };
}
