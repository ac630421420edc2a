/**
 * Where leads come from and what they are for: captured on the ground (an event, a convoy, a
 * door-to-door visit, or by hand) or drawn from the registry's built-in lists.
 */
import {
  addMonths,
  monthIndex,
  monthOfIndex,
  type RuleBook,
  retirementAgeOf,
  type Sex,
} from '../law/index.ts';

export const LEAD_SOURCES = [
  'event',
  'convoy',
  'door_to_door',
  'manual',
  'list_lapsed',
  'list_near_pension',
  'list_hhi_renewal',
  'list_poor',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** Sources a person types in; the lists are generated. */
export const CAPTURE_SOURCES = ['event', 'convoy', 'door_to_door', 'manual'] as const;
export type CaptureSource = (typeof CAPTURE_SOURCES)[number];

export const LIST_SOURCES = ['list_lapsed', 'list_near_pension', 'list_hhi_renewal', 'list_poor'] as const;
export type ListSource = (typeof LIST_SOURCES)[number];

/** What the person agreed to be contacted about (the purpose their consent covers). */
export const LEAD_PURPOSES = ['vsi_enroll', 'vsi_resume', 'hhi_renew', 'pension_advice'] as const;
export type LeadPurpose = (typeof LEAD_PURPOSES)[number];

export const PURPOSE_OF_LIST: Record<ListSource, LeadPurpose> = {
  list_lapsed: 'vsi_resume',
  list_near_pension: 'pension_advice',
  list_hhi_renewal: 'hhi_renew',
  list_poor: 'vsi_enroll',
};

/** The campaign activities a lead captured at one may come from, and the channel it is worked through. */
export const ACTIVITY_KINDS_OF: Record<Exclude<CaptureSource, 'manual'>, readonly string[]> = {
  event: ['conference', 'local_launch', 'parade', 'loudspeaker'],
  convoy: ['convoy', 'parade'],
  door_to_door: ['door_to_door'],
};

/** Household HI renewers: cards that ran out up to 30 days ago or run out within about two months. */
export const HHI_RENEWAL_WINDOW = { fromDays: -30, toDays: 62 } as const;

export const NEAR_PENSION_YEARS = 5;

/**
 * People "within 5 years of pension eligibility" are those who reach the normal retirement age
 * (Labour Code 2019 Art. 169, the age of the year they reach it: retirementAgeOf) in the 5 years
 * from `month`, this month included. Age is the condition we can know: the other one, 15 years of
 * contributions (Law on SI 2024 Art. 98), counts years paid outside Điểm Tựa too; these are the
 * years in which the missing ones can still be paid, so they are the people to advise.
 *
 * The age reached is non-decreasing in the birth month, so the answer is one range of birth
 * months, first and last included; null when the rule book has no age for the period.
 */
export function nearPensionBirthMonths(
  book: RuleBook,
  sex: Sex,
  month: string,
  years = NEAR_PENSION_YEARS,
): { from: string; to: string } | null {
  const end = addMonths(month, years * 12);
  let from: string | null = null;
  let to: string | null = null;
  // Retirement ages lie between 50 and 70 in any plausible rule book: birth months 70 to 45 years back.
  for (let born = monthIndex(month) - 70 * 12; born <= monthIndex(month) - 45 * 12; born++) {
    const age = retirementAgeOf(book, sex, monthOfIndex(born));
    if ('error' in age) continue;
    if (age.reachesAgeMonth >= month && age.reachesAgeMonth < end) {
      from ??= monthOfIndex(born);
      to = monthOfIndex(born);
    }
  }
  return from && to ? { from, to } : null;
}
