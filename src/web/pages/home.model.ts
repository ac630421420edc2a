/** What the home page picks to show: pure, so the choices are tested without a browser. */
import type { Role } from '../../domain/access/roles.ts';
import { dayNumber } from '../../domain/law/index.ts';
import type { CampaignItem, TrendDay } from '../components/campaign-types.ts';
import type { Bucket } from '../components/registry-types.ts';

/** The ongoing campaigns shown as cards; the rest are one tap away on the campaigns list. */
export const HOME_CAMPAIGNS = 3;

/** An agent's day, in the order it is worked: the deadline today first, the lapsed to win back last. */
export const TODAY_BUCKETS: readonly Bucket[] = ['due_0', 'due_7', 'due_15', 'overdue', 'lapsed'];

/**
 * Roles that lead a team of agents in a few communes: their home page says how the team's
 * worklist stands. Higher up the counts would cover a province or the country, and are the
 * dashboards' business.
 */
export const TEAM_LEADS: readonly Role[] = ['post_office_manager', 'grassroots_officer'];

/**
 * With no campaign under way, the one to talk about: the next to start (the nearest start), else
 * the last to have finished (the latest end).
 */
export function campaignInstead(
  upcoming: readonly CampaignItem[],
  ended: readonly CampaignItem[],
): CampaignItem | null {
  const next = [...upcoming].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id - b.id)[0];
  if (next) return next;
  return [...ended].sort((a, b) => b.endsOn.localeCompare(a.endsOn) || b.id - a.id)[0] ?? null;
}

/** Registrations on one day of a dashboard's trend (days without any are absent from it). */
export function registrationsOn(trend: readonly TrendDay[], day: string): number {
  return trend.find((d) => d.day === day)?.enrollments ?? 0;
}

/** Where a campaign stands in time, in whole days as people count them. */
export type Timing =
  | { status: 'upcoming'; startsIn: number }
  | { status: 'ongoing'; daysLeft: number }
  | { status: 'ended'; endedAgo: number };

export function timingOf(campaign: Pick<CampaignItem, 'startsOn' | 'endsOn'>, today: string): Timing {
  const now = dayNumber(today);
  const start = dayNumber(campaign.startsOn);
  const end = dayNumber(campaign.endsOn);
  if (now < start) return { status: 'upcoming', startsIn: start - now };
  if (now > end) return { status: 'ended', endedAgo: now - end };
  // The last day is a day of work too: "1 day left" on it.
  return { status: 'ongoing', daysLeft: end - now + 1 };
}
