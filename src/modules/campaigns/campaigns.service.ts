import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import type { createOrgsRepository } from '../orgs/orgs.repository.ts';
import { createTargetsRepository } from '../targets/targets.repository.ts';
import { createActivitiesRepository } from './campaigns.activities.repository.ts';
import { createLaunchWall } from './campaigns.launch.ts';
import { createCampaignsRepository } from './campaigns.repository.ts';

export const PRODUCTS = ['vsi', 'hhi'] as const;
export const BRIDGE_LEVELS = ['central', 'provincial', 'grassroots', 'post_office'] as const;
export const BRIDGE_FORMS = ['online', 'rebroadcast', 'in_person'] as const;
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
export type BridgeLevel = (typeof BRIDGE_LEVELS)[number];
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The launch's checklist, when a site or an event is created without one of its own. */
export const DEFAULT_CHECKLIST: Record<'bridge' | 'convoy' | 'other', string[]> = {
  bridge: ['Đường truyền trực tuyến đã thử', 'Phương án an ninh, trật tự tại điểm cầu'],
  convoy: ['Phương án bảo đảm an toàn giao thông', 'Lộ trình đã thống nhất với chính quyền địa phương'],
  other: ['Tuân thủ quy định về y tế tại nơi tổ chức'],
};

export interface CampaignInput {
  name: string;
  theme: string;
  startsOn: string;
  endsOn: string;
  products: ('vsi' | 'hhi')[];
  organisers: string[];
  legalBasis?: string | null;
  description?: string | null;
  launchAt?: string | null;
}

export interface BridgeInput {
  parentId?: number | null;
  level: BridgeLevel;
  orgUnitId: number;
  name: string;
  form: (typeof BRIDGE_FORMS)[number];
  streamUrl?: string | null;
  plannedAttendance?: number | null;
}

export interface ActivityInput {
  orgUnitId: number;
  kind: ActivityKind;
  onDate: string;
  title: string;
  cars?: number;
  motorbikes?: number;
  route?: string | null;
  communes?: string[];
  peopleReached?: number;
  attendees?: number;
  items?: number;
  /** How many of its kind the entry stands for: groups, broadcasts, articles, parades… (1 by default). */
  quantity?: number;
  note?: string | null;
}

type Orgs = ReturnType<typeof createOrgsRepository>;

/**
 * The Month of mobilization as a record: the campaign, its launch ceremony (a central bridge point
 * with provincial, grassroots and post office points under it, each going live with its attendance
 * and counting the registrations since the ceremony began), the activities on the ground counted
 * as the 2022 report counts them, and the safety checklist of each site and event.
 */
export function createCampaignsService({ db, clock, orgs }: { db: Db; clock: Clock; orgs: Orgs }) {
  const repo = createCampaignsRepository(db);
  const activities = createActivitiesRepository(db);
  const targets = createTargetsRepository(db);
  const wall = createLaunchWall({ db, clock });

  async function campaignRow(id: number) {
    const row = await repo.find(id);
    if (!row) throw new AppError('campaign.not_found', { id });
    return row;
  }

  function checkPeriod(input: Pick<CampaignInput, 'startsOn' | 'endsOn' | 'launchAt'>) {
    if (input.endsOn < input.startsOn) {
      throw new AppError(
        'campaign.invalid_period',
        { startsOn: input.startsOn, endsOn: input.endsOn },
        'endsOn',
      );
    }
    if (input.launchAt) {
      const launchOn = vietnamDate({ now: () => new Date(input.launchAt!) });
      if (launchOn < input.startsOn || launchOn > input.endsOn) {
        throw new AppError(
          'campaign.launch_outside_period',
          { launchOn, startsOn: input.startsOn, endsOn: input.endsOn },
          'launchAt',
        );
      }
    }
  }

  /** A unit the caller may act for: their own or below (seeing a unit is not enough to act for it). */
  async function ownUnit(actor: Actor, orgUnitId: number, field = 'orgUnitId') {
    const org = await orgs.find(actor, orgUnitId);
    if (!org) throw new AppError('org.not_found', { id: orgUnitId }, field);
    if (!actor.national && !org.path.startsWith(actor.orgPath)) {
      throw new AppError('campaign.unit_outside_scope', { unit: org.name }, field);
    }
    return org;
  }

  async function bridgeRow(actor: Actor, id: number) {
    const row = await repo.bridge(id);
    if (!row || (!actor.national && !row.path.startsWith(actor.orgPath))) {
      throw new AppError('campaign.bridge_not_found', { id });
    }
    return row;
  }

  async function activityRow(actor: Actor, id: number) {
    const row = await activities.find(id);
    if (!row || (!actor.national && !row.path.startsWith(actor.orgPath))) {
      throw new AppError('campaign.activity_not_found', { id });
    }
    return row;
  }

  const toCampaign = (row: Awaited<ReturnType<typeof campaignRow>>) => ({
    id: Number(row.id),
    name: row.name,
    theme: row.theme,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    products: row.products,
    organisers: row.organisers,
    legalBasis: row.legal_basis,
    description: row.description,
    launchAt: row.launch_at ? row.launch_at.toISOString() : null,
    isDemo: row.is_demo,
  });

  async function get(id: number) {
    return toCampaign(await campaignRow(id));
  }

  return {
    async list(filter: { status?: 'ongoing' | 'upcoming' | 'ended'; limit: number; offset: number }) {
      const today = vietnamDate(clock);
      const [items, total] = await Promise.all([
        repo.list({ status: filter.status, today, limit: filter.limit, offset: filter.offset }),
        repo.count({ status: filter.status, today }),
      ]);
      return {
        total,
        items: items.map((row) => ({
          ...toCampaign(row),
          status: (row.ends_on < today ? 'ended' : row.starts_on > today ? 'upcoming' : 'ongoing') as
            | 'ended'
            | 'upcoming'
            | 'ongoing',
        })),
      };
    },

    get,

    async create(actor: Actor, input: CampaignInput) {
      checkPeriod(input);
      const id = await transact(db, auditContext(actor, clock), (tx) =>
        repo.insert(tx, {
          name: input.name.trim(),
          theme: input.theme.trim(),
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          products: [...new Set(input.products)],
          organisers: input.organisers.map((o) => o.trim()).filter(Boolean),
          legal_basis: input.legalBasis?.trim() || null,
          description: input.description?.trim() || null,
          launch_at: input.launchAt ? new Date(input.launchAt) : null,
          created_by: actor.userId,
          created_at: clock.now(),
        }),
      );
      return get(id);
    },

    /**
     * New dates move the targets that spanned the whole campaign with it; a target set for part of
     * it must still lie within the new dates, else nothing is saved.
     */
    async update(actor: Actor, id: number, input: Partial<CampaignInput>) {
      const current = toCampaign(await campaignRow(id));
      const next = { ...current, ...input };
      checkPeriod(next);
      await transact(db, auditContext(actor, clock), async (tx) => {
        await repo.update(tx, id, {
          name: next.name.trim(),
          theme: next.theme.trim(),
          starts_on: next.startsOn,
          ends_on: next.endsOn,
          products: [...new Set(next.products)],
          organisers: next.organisers.map((o) => o.trim()).filter(Boolean),
          legal_basis: next.legalBasis?.trim() || null,
          description: next.description?.trim() || null,
          launch_at: next.launchAt ? new Date(next.launchAt) : null,
        });
        if (next.startsOn === current.startsOn && next.endsOn === current.endsOn) return;
        const period = { start: next.startsOn, end: next.endsOn };
        await targets.followCampaign(tx, id, { start: current.startsOn, end: current.endsOn }, period);
        const outside = await targets.periodConflict(tx, id);
        if (outside) {
          throw new AppError(
            'campaign.target_outside_period',
            {
              name: outside.name,
              product: outside.product === 'vsi' ? 'BHXH tự nguyện' : 'BHYT hộ gia đình',
              start: outside.start,
              end: outside.end,
              startsOn: next.startsOn,
              endsOn: next.endsOn,
            },
            outside.start < next.startsOn ? 'startsOn' : 'endsOn',
          );
        }
      });
      return get(id);
    },

    /**
     * The launch ceremony as the wall shows it: every bridge point in tree order, whether it is live,
     * its attendance, its checklist, and the registrations its units made since the ceremony began.
     */
    async launch(actor: Actor, campaignId: number) {
      return wall(actor, await campaignRow(campaignId));
    },

    async addBridge(actor: Actor, campaignId: number, input: BridgeInput) {
      await campaignRow(campaignId);
      const org = await ownUnit(actor, input.orgUnitId);
      if (input.level === 'central') {
        const central = await repo.centralBridge(campaignId);
        if (central) throw new AppError('campaign.central_bridge_exists', { name: central.name }, 'level');
      } else {
        const parent = input.parentId ? await repo.bridgeOf(campaignId, input.parentId) : undefined;
        const rank = (level: BridgeLevel) => BRIDGE_LEVELS.indexOf(level);
        if (!parent || rank(parent.level) >= rank(input.level)) {
          throw new AppError('campaign.bridge_needs_parent', { level: levelLabel(input.level) }, 'parentId');
        }
      }
      return transact(db, auditContext(actor, clock), async (tx) => {
        const bridgeId = await repo.insertBridge(tx, {
          campaign_id: campaignId,
          parent_id: input.level === 'central' ? null : (input.parentId ?? null),
          level: input.level,
          org_unit_id: org.id,
          name: input.name.trim(),
          form: input.form,
          stream_url: input.streamUrl?.trim() || null,
          planned_attendance: input.plannedAttendance ?? null,
        });
        await repo.insertChecks(
          tx,
          DEFAULT_CHECKLIST.bridge.map((label) => ({ bridge_id: bridgeId, label })),
        );
        return { id: bridgeId };
      });
    },

    /** The site goes live with its attendance; `live: false` takes a mistaken check-in back. */
    async checkIn(actor: Actor, bridgeId: number, input: { live: boolean; attendance?: number | null }) {
      await bridgeRow(actor, bridgeId);
      await transact(db, auditContext(actor, clock), (tx) =>
        repo.updateBridge(
          tx,
          bridgeId,
          input.live
            ? { live_at: clock.now(), attendance: input.attendance ?? null, checked_in_by: actor.userId }
            : { live_at: null, attendance: null, checked_in_by: null },
        ),
      );
    },

    async removeBridge(actor: Actor, bridgeId: number) {
      const bridge = await bridgeRow(actor, bridgeId);
      const children = await repo.countChildren(bridgeId);
      if (children > 0) {
        throw new AppError('campaign.bridge_has_children', { name: bridge.name, n: children });
      }
      await transact(db, auditContext(actor, clock), (tx) => repo.deleteBridge(tx, bridgeId));
    },

    async activities(
      actor: Actor,
      campaignId: number,
      filter: { kind?: ActivityKind; limit: number; offset: number },
    ) {
      await campaignRow(campaignId);
      const [items, total] = await Promise.all([
        activities.list(actor, campaignId, filter),
        activities.count(actor, campaignId, filter),
      ]);
      return {
        total,
        items: items.map((a) => ({
          id: Number(a.id),
          kind: a.kind as ActivityKind,
          onDate: a.on_date,
          title: a.title,
          orgUnitId: a.org_unit_id,
          orgUnitName: a.org_unit_name,
          provinceCode: a.province_code,
          cars: a.cars,
          motorbikes: a.motorbikes,
          route: a.route,
          communes: a.communes,
          peopleReached: a.people_reached,
          attendees: a.attendees,
          items: a.items,
          quantity: a.quantity,
          note: a.note,
          checks: Number(a.checks ?? 0),
          confirmed: Number(a.confirmed ?? 0),
        })),
      };
    },

    async logActivity(actor: Actor, campaignId: number, input: ActivityInput) {
      const campaign = await campaignRow(campaignId);
      if (input.onDate < campaign.starts_on || input.onDate > campaign.ends_on) {
        throw new AppError(
          'campaign.activity_outside_period',
          { onDate: input.onDate, startsOn: campaign.starts_on, endsOn: campaign.ends_on },
          'onDate',
        );
      }
      const org = await ownUnit(actor, input.orgUnitId);
      const communes = [...new Set(input.communes ?? [])];
      if (communes.length > 0) {
        const known = await activities.knownCommunes(communes);
        const missing = communes.find((c) => !known.includes(c));
        if (missing) throw new AppError('campaign.unknown_commune', { code: missing }, 'communes');
      }
      const province = org.province_code ?? actor.provinceCode;
      if (!province) throw new AppError('campaign.unit_outside_scope', { unit: org.name }, 'orgUnitId');
      return transact(db, auditContext(actor, clock), async (tx) => {
        const activityId = await activities.insert(tx, {
          campaign_id: campaignId,
          org_unit_id: org.id,
          province_code: province,
          kind: input.kind,
          on_date: input.onDate,
          title: input.title.trim(),
          cars: input.cars ?? 0,
          motorbikes: input.motorbikes ?? 0,
          route: input.route?.trim() || null,
          communes,
          people_reached: input.peopleReached ?? 0,
          attendees: input.attendees ?? 0,
          items: input.items ?? 0,
          quantity: input.quantity ?? 1,
          note: input.note?.trim() || null,
          created_by: actor.userId,
          created_at: clock.now(),
        });
        const labels = input.kind === 'convoy' || input.kind === 'parade' ? DEFAULT_CHECKLIST.convoy : [];
        await repo.insertChecks(
          tx,
          [...labels, ...DEFAULT_CHECKLIST.other].map((label) => ({ activity_id: activityId, label })),
        );
        return { id: activityId };
      });
    },

    async removeActivity(actor: Actor, activityId: number) {
      await activityRow(actor, activityId);
      await transact(db, auditContext(actor, clock), (tx) => activities.delete(tx, activityId));
    },

    /**
     * The 2022 report's counters: convoys with their cars and motorbikes, communes reached,
     * conferences, door-to-door groups and the people they reached, loudspeaker broadcasts,
     * articles, printed items and local launches. An entry may stand for several of its kind
     * (`quantity`), so the counters sum it rather than count entries. `within` narrows them to what
     * a unit's subtree logged, or to what reached one commune.
     */
    async kpis(
      actor: Actor,
      campaignId: number,
      province: string | null = null,
      within: { unitPath?: string; commune?: string } = {},
    ) {
      await campaignRow(campaignId);
      const { unitPath, commune } = within;
      const row = await activities.kpis(actor, campaignId, { province, unitPath, commune });
      const n = (v: unknown) => Number(v ?? 0);
      return {
        activities: n(row.activities),
        convoys: n(row.convoys),
        cars: n(row.cars),
        motorbikes: n(row.motorbikes),
        communesReached: n(row.communes_reached),
        conferences: n(row.conferences),
        conferenceAttendees: n(row.conference_attendees),
        doorToDoorGroups: n(row.door_to_door_groups),
        peopleReached: n(row.people_reached),
        loudspeakerBroadcasts: n(row.loudspeaker),
        articles: n(row.articles),
        printedItems: n(row.printed_items),
        localLaunches: n(row.local_launches),
      };
    },

    async checklist(actor: Actor, activityId: number) {
      await activityRow(actor, activityId);
      const rows = await activities.checklist(activityId);
      return rows.map((c) => ({
        id: Number(c.id),
        label: c.label,
        confirmedAt: c.confirmed_at ? c.confirmed_at.toISOString() : null,
        confirmedBy: c.confirmed_by,
        note: c.note,
      }));
    },

    async addCheck(actor: Actor, target: { activityId?: number; bridgeId?: number }, label: string) {
      if (target.activityId) await activityRow(actor, target.activityId);
      else if (target.bridgeId) await bridgeRow(actor, target.bridgeId);
      return transact(db, auditContext(actor, clock), async (tx) => ({
        id: await repo.insertCheck(tx, {
          activity_id: target.activityId ?? null,
          bridge_id: target.bridgeId ?? null,
          label: label.trim(),
        }),
      }));
    },

    /** Who confirmed an item, and when; `confirmed: false` takes a mistaken confirmation back. */
    async confirmCheck(actor: Actor, itemId: number, input: { confirmed: boolean; note?: string | null }) {
      const item = await repo.check(itemId);
      if (!item) throw new AppError('campaign.compliance_not_found', { id: itemId });
      try {
        if (item.activity_id) await activityRow(actor, Number(item.activity_id));
        else if (item.bridge_id) await bridgeRow(actor, Number(item.bridge_id));
      } catch {
        throw new AppError('campaign.compliance_not_found', { id: itemId });
      }
      await transact(db, auditContext(actor, clock), (tx) =>
        repo.updateCheck(
          tx,
          itemId,
          input.confirmed
            ? { confirmed_by: actor.userId, confirmed_at: clock.now(), note: input.note?.trim() || null }
            : { confirmed_by: null, confirmed_at: null, note: input.note?.trim() || null },
        ),
      );
    },
  };
}

function levelLabel(level: BridgeLevel): string {
  return { central: 'trung ương', provincial: 'tỉnh', grassroots: 'cơ sở', post_office: 'bưu cục' }[level];
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
