/** The shapes the leads and funnel APIs return, as the leads screens read them. */
import type { FunnelCounts, FunnelRates } from '../../domain/leads/funnel.ts';
import type { LeadPurpose, LeadSource, ListSource } from '../../domain/leads/sources.ts';
import type { LeadStatus, LostReason } from '../../domain/leads/steps.ts';
import type { Channel } from './registry-types.ts';

export interface Lead {
  id: number;
  campaignId: number | null;
  source: LeadSource;
  eventId: number | null;
  eventTitle: string | null;
  participantId: number | null;
  enrollmentId: number | null;
  personalId: string | null;
  fullName: string;
  phone: string | null;
  commune: { code: string; name: string };
  provinceCode: string;
  channel: Channel;
  consent: boolean;
  purpose: LeadPurpose;
  assignedTo: { id: number; fullName: string } | null;
  orgUnit: { id: number; name: string };
  status: LeadStatus;
  contactedAt: string | null;
  consultedAt: string | null;
  enrolledAt: string | null;
  paidAt: string | null;
  lostAt: string | null;
  lostReason: LostReason | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  isDemo: boolean;
}

export interface ListSourceCount {
  source: ListSource;
  people: number;
  already: number;
}

export interface Generation {
  processed: number;
  added: number;
  existing: number;
  finished: boolean;
  started: boolean;
}

export type FunnelBy = 'total' | 'unit' | 'agent' | 'channel';

export type FunnelFigures = FunnelCounts & { rates: FunnelRates };

export interface FunnelGroup extends FunnelFigures {
  key: string;
  label: string | null;
  orgUnitName: string | null;
  provinceCode: string | null;
}

export interface FunnelReport {
  by: FunnelBy;
  overall: FunnelFigures;
  items: FunnelGroup[];
  total: number;
}

export const leadKeys = {
  all: ['leads'] as const,
  list: (campaignId: number) => ['leads', 'list', campaignId] as const,
  sources: (campaignId: number) => ['leads', 'sources', campaignId] as const,
  funnel: (campaignId: number) => ['leads', 'funnel', campaignId] as const,
};
