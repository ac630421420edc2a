/**
 * A lead's card as plain data: the call it offers (only with the person's consent), the one-tap
 * steps allowed now, the way to enroll them (the form prefilled) or to collect from them, and undo.
 */
import { canTake, LEAD_STEPS, type LeadStep, OPEN_STATUSES, undoOf } from '../../domain/leads/steps.ts';
import type { Lead } from '../components/lead-types.ts';
import { telHref } from '../components/registry-labels.tsx';
import type { EnrollPrefill } from './enroll.model.ts';

export interface LeadActions {
  /** A tel: link, only when the person agreed to be called and left a number. */
  tel: string | null;
  steps: LeadStep[];
  /** A new person: the enrollment form, prefilled. */
  enroll: EnrollPrefill | null;
  /** Someone on record (lapsed, or enrolled and not paid yet): collect from their profile. */
  collectFrom: number | null;
  undo: boolean;
}

export function enrollPrefill(lead: Lead): EnrollPrefill {
  return {
    ten: lead.fullName,
    xa: lead.commune.code,
    ...(lead.phone && lead.consent ? { sdt: lead.phone, dongY: 1 as const } : {}),
    ...(lead.personalId && /^\d{12}$/.test(lead.personalId) ? { cccd: lead.personalId } : {}),
    ...(lead.campaignId ? { chienDich: lead.campaignId } : {}),
    ...(lead.eventId ? { hoatDong: lead.eventId } : {}),
    kenh: lead.channel,
  };
}

export function leadActions(lead: Lead): LeadActions {
  const open = OPEN_STATUSES.includes(lead.status);
  return {
    tel: lead.consent && lead.phone ? telHref(lead.phone) : null,
    steps: LEAD_STEPS.filter((s) => canTake(lead.status, s)),
    enroll: open && lead.participantId === null ? enrollPrefill(lead) : null,
    collectFrom:
      lead.participantId !== null && (open || lead.status === 'enrolled') ? lead.participantId : null,
    undo: undoOf(lead).ok,
  };
}
