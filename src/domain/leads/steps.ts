/**
 * A lead's follow-up as plain data: new → contacted → consulted, or lost on the way; enrolled and
 * paid come from the registry (an enrollment, a payment), never from a tap. The status is the first
 * of paid, enrolled, lost, consulted, contacted that has a date (the database derives it the same way).
 */
export const LEAD_STATUSES = ['new', 'contacted', 'consulted', 'enrolled', 'paid', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const OPEN_STATUSES: readonly LeadStatus[] = ['new', 'contacted', 'consulted'];

export const LEAD_STEPS = ['contacted', 'consulted', 'lost'] as const;
export type LeadStep = (typeof LEAD_STEPS)[number];

export const LOST_REASONS = [
  'not_interested',
  'cannot_afford',
  'compulsory_covered',
  'moved_away',
  'unreachable',
  'other',
] as const;
export type LostReason = (typeof LOST_REASONS)[number];

/** Consulting someone means having reached them; losing someone is possible until they enroll. */
const STEP_FROM: Record<LeadStep, readonly LeadStatus[]> = {
  contacted: ['new'],
  consulted: ['new', 'contacted'],
  lost: ['new', 'contacted', 'consulted'],
};

export function canTake(status: LeadStatus, step: LeadStep): boolean {
  return STEP_FROM[step].includes(status);
}

export interface LeadDates {
  contactedAt: string | null;
  consultedAt: string | null;
  lostAt: string | null;
  enrolledAt: string | null;
  paidAt: string | null;
}

export type Undo =
  | { ok: true; clear: ('contactedAt' | 'consultedAt' | 'lostAt')[] }
  | { ok: false; reason: 'converted' | 'nothing' };

/**
 * Taking back the last step: "lost" reopens the lead, "consulted" returns to contacted (or to new,
 * when both were ticked in one tap), "contacted" returns to new. An enrollment or a payment is a
 * record of its own: it is undone there (a void), not here.
 */
export function undoOf(d: LeadDates): Undo {
  if (d.paidAt || d.enrolledAt) return { ok: false, reason: 'converted' };
  if (d.lostAt) return { ok: true, clear: ['lostAt'] };
  if (d.consultedAt) {
    return {
      ok: true,
      clear: d.contactedAt === d.consultedAt ? ['consultedAt', 'contactedAt'] : ['consultedAt'],
    };
  }
  if (d.contactedAt) return { ok: true, clear: ['contactedAt'] };
  return { ok: false, reason: 'nothing' };
}
