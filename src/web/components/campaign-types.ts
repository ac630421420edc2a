/** The shapes the campaign, target and dashboard APIs return, as the campaign screens read them. */
import type { Product } from './registry-types.ts';

export type CampaignStatus = 'ongoing' | 'upcoming' | 'ended';
export const CAMPAIGN_STATUSES: readonly CampaignStatus[] = ['ongoing', 'upcoming', 'ended'];

export interface Campaign {
  id: number;
  name: string;
  theme: string;
  startsOn: string;
  endsOn: string;
  products: Product[];
  organisers: string[];
  legalBasis: string | null;
  description: string | null;
  launchAt: string | null;
  isDemo: boolean;
}

export interface CampaignItem extends Campaign {
  status: CampaignStatus;
}

// ── Launch ceremony ──
export const BRIDGE_LEVELS = ['central', 'provincial', 'grassroots', 'post_office'] as const;
export type BridgeLevel = (typeof BRIDGE_LEVELS)[number];
export const BRIDGE_FORMS = ['online', 'rebroadcast', 'in_person'] as const;
export type BridgeForm = (typeof BRIDGE_FORMS)[number];

export interface CheckItem {
  id: number;
  label: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
  note: string | null;
}

export interface BridgePoint {
  id: number;
  parentId: number | null;
  level: BridgeLevel;
  name: string;
  form: BridgeForm;
  orgUnitId: number;
  orgUnitName: string;
  provinceCode: string | null;
  streamUrl: string | null;
  plannedAttendance: number | null;
  liveAt: string | null;
  attendance: number | null;
  checkedInBy: string | null;
  registrations: number;
  checklist: CheckItem[];
}

export interface LaunchWall {
  campaignId: number;
  launchAt: string | null;
  started: boolean;
  asOf: string;
  registrations: number;
  /** The same registrations by product. */
  byProduct: Record<Product, number>;
  live: number;
  sites: number;
  attendance: number;
  items: BridgePoint[];
}

// ── Activities ──
export const ACTIVITY_KINDS = [
  'convoy',
  'parade',
  'conference',
  'door_to_door',
  'loudspeaker',
  'article',
  'printed',
  'local_launch',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityItem {
  id: number;
  kind: ActivityKind;
  onDate: string;
  title: string;
  orgUnitId: number;
  orgUnitName: string;
  provinceCode: string;
  cars: number;
  motorbikes: number;
  route: string | null;
  communes: string[];
  peopleReached: number;
  attendees: number;
  items: number;
  /** How many of its kind the entry stands for: groups, broadcasts, articles, parades… */
  quantity: number;
  note: string | null;
  checks: number;
  confirmed: number;
}

export interface Kpis {
  activities: number;
  convoys: number;
  cars: number;
  motorbikes: number;
  communesReached: number;
  conferences: number;
  conferenceAttendees: number;
  doorToDoorGroups: number;
  peopleReached: number;
  loudspeakerBroadcasts: number;
  articles: number;
  printedItems: number;
  localLaunches: number;
}

// ── Targets ──
export interface Pace {
  /** Share of the target reached (0–1+). */
  reached: number;
  /** Share of the campaign's time gone (0–1). */
  elapsed: number;
  forecast: number;
  behind: boolean;
}

export interface TargetFields extends Pace {
  id: number;
  parentId: number | null;
  product: Product;
  orgUnitId: number | null;
  agentUserId: number | null;
  name: string;
  unitKind: string | null;
  amount: number;
  proposed: number | null;
  overridden: boolean;
  /** The days the target is set for: the campaign's, or part of its parent's. */
  periodStart: string;
  periodEnd: string;
  actual: number;
}

export interface TargetNode extends TargetFields {
  children: TargetFields[];
}

export interface CascadeProposal {
  targetId: number;
  amount: number;
  /** The period the children are set for. */
  periodStart: string;
  periodEnd: string;
  applied: boolean;
  items: {
    key: string;
    name: string;
    kind: 'unit' | 'agent';
    potential: number;
    pastRegistrations: number;
    proposed: number;
  }[];
}

// ── Dashboard and bulletin ──
export interface ProvinceTile {
  code: string;
  name: string;
  short: string;
  row: number;
  col: number;
  enrollments: number;
  target: number;
  reached: number | null;
}

export interface Funnel {
  contacted: number;
  consulted: number;
  enrolled: number;
  firstPaid: number;
  retained12m: number;
}

export interface TrendDay {
  day: string;
  enrollments: number;
  payments: number;
  amount: number;
}

export type DashboardLevel = 'national' | 'province' | 'unit' | 'commune' | 'agent';

/** A place a dashboard looks at: a province's or commune's code, a unit's or agent's id. */
export interface ScopeRef {
  level: DashboardLevel;
  code: string | null;
  id: number | null;
  name: string;
  kind: string | null;
  provinceCode: string | null;
}

export interface DashboardScope extends ScopeRef {
  parent: ScopeRef | null;
  /** The levels above that the viewer may open, from the top. */
  trail: ScopeRef[];
}

export interface PostOfficeLeader {
  orgUnitId: number;
  name: string;
  provinceCode: string | null;
  enrollments: number;
  amount: number;
}

export interface AgentLeader {
  agentUserId: number;
  fullName: string;
  orgUnitName: string;
  provinceCode: string | null;
  enrollments: number;
  amount: number;
}

/** The figures that move each second (view=live). */
export interface DashboardLive {
  asOf: string;
  until: string;
  campaign: { id: number; name: string; startsOn: string; endsOn: string };
  scope: DashboardScope;
  products: Product[];
  totals: { enrollments: number; firstPayments: number; payments: number; amount: number };
  target:
    | (Pace & {
        amount: number;
        products: Product[];
        actual: number;
        /** area: people living in the place; collected: what the unit or agent collected. */
        measure: 'area' | 'collected';
        /** Set when an agent without a target of their own is shown their unit's. */
        ofUnit: { id: number; name: string } | null;
      })
    | null;
  trend: TrendDay[];
}

export interface Dashboard extends DashboardLive {
  provinces: ProvinceTile[];
  leaders: { provinces: ProvinceTile[]; postOffices: PostOfficeLeader[]; agents: AgentLeader[] };
  /** None for a commune: the funnel counts units and agents. */
  funnel: Funnel | null;
  /** None for an agent: activities are logged by units. */
  kpis: Kpis | null;
  /** An agent's place among the agents of their province. */
  rank: { position: number; of: number; provinceCode: string; provinceName: string } | null;
}

export interface CoverageGrowth {
  participants: number | null;
  voluntary: number | null;
  householdHi: number | null;
}

export interface CoverageFigures {
  participants: number | null;
  coverage: number | null;
  voluntaryShare: number | null;
  growth: CoverageGrowth;
}

export interface CoverageRow extends CoverageFigures {
  code: string | null;
  name: string;
  labourForce: number | null;
  compulsory: number | null;
  voluntary: number;
  householdHi: number;
  lastYear: { compulsory: number | null; voluntary: number; householdHi: number } | null;
}

export interface Coverage {
  asOf: string;
  lastYearAsOf: string;
  national: CoverageRow | null;
  provinces: CoverageRow[];
}

export interface Bulletin {
  asOf: string;
  lastYearAsOf: string;
  /** The province of the coverage figures; null for the country. */
  scope: string | null;
  /** A unit below the province: the campaign figures are what it collected. */
  unit: { id: number; name: string; kind: string } | null;
  text: string;
  figures: Omit<CoverageRow, 'code' | 'name' | keyof CoverageFigures> & {
    scopeName: string;
    national: boolean;
    unitName: string | null;
    campaign: {
      name: string;
      startsOn: string;
      endsOn: string;
      vsi: number;
      hhi: number;
      target: number | null;
      hhiTarget: number | null;
    } | null;
  };
  coverage: CoverageFigures;
}

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: ['campaigns', 'list'] as const,
  one: (id: number) => ['campaigns', 'one', id] as const,
  dashboard: (id: number) => ['campaigns', 'dashboard', id] as const,
  bulletin: ['campaigns', 'bulletin'] as const,
  coverage: ['campaigns', 'coverage'] as const,
  launch: (id: number) => ['campaigns', 'launch', id] as const,
  targets: (id: number) => ['campaigns', 'targets', id] as const,
  activities: (id: number) => ['campaigns', 'activities', id] as const,
  checklist: (activityId: number) => ['campaigns', 'checklist', activityId] as const,
};
