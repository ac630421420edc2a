import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import { can } from '../../domain/access/roles.ts';
import { conversionRates, type FunnelCounts } from '../../domain/leads/funnel.ts';
import { ACTIVITY_KINDS_OF, type CaptureSource, type LeadPurpose } from '../../domain/leads/sources.ts';
import {
  canTake,
  type LeadStatus,
  type LeadStep,
  type LostReason,
  undoOf,
} from '../../domain/leads/steps.ts';
import { maskPersonalId, normalizePhone } from '../../domain/registry/personal-id.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import type { CampaignsService } from '../campaigns/campaigns.service.ts';
import type { OrgsRepository } from '../orgs/orgs.repository.ts';
import {
  type Channel,
  type ParticipantsService,
  STATUS_LABEL,
} from '../participants/participants.service.ts';
import type { RulesService } from '../rules/rules.service.ts';
import { createLeadFunnel, type FunnelBy } from './leads.funnel.ts';
import { createLeadLists } from './leads.lists.ts';
import { worksOwnLeadsOnly } from './leads.policy.ts';
import {
  createLeadsRepository,
  type LeadChanges,
  type LeadFilter,
  type LeadRow,
} from './leads.repository.ts';

export interface CaptureInput {
  campaignId: number;
  source: CaptureSource;
  eventId?: number | null;
  fullName: string;
  phone?: string | null;
  personalId?: string | null;
  communeCode: string;
  consent: boolean;
  purpose: LeadPurpose;
  channel?: Channel;
  note?: string | null;
  orgUnitId?: number;
  assignedTo?: number | null;
}

export interface EditInput {
  fullName?: string;
  phone?: string | null;
  personalId?: string | null;
  consent?: boolean;
  purpose?: LeadPurpose;
  note?: string | null;
}

const WORDS: Record<LeadStatus | LeadStep, [vi: string, en: string]> = {
  new: ['mới', 'new'],
  contacted: ['đã liên hệ', 'contacted'],
  consulted: ['đã tư vấn', 'consulted'],
  enrolled: ['đã đăng ký', 'enrolled'],
  paid: ['đã đóng tiền', 'paid'],
  lost: ['không tham gia', 'not joining'],
};
const SOURCE_WORDS: Record<Exclude<CaptureSource, 'manual'>, [vi: string, en: string]> = {
  event: ['sự kiện, hội nghị', 'event'],
  convoy: ['đoàn truyền thông lưu động', 'convoy'],
  door_to_door: ['tổ tuyên truyền đến từng hộ', 'door-to-door visit'],
};
/** An enrollment still running: its person is a participant, not a lead. Only the lapsed are won back. */
const WINNABLE_STATUS = 'lapsed';

/**
 * Leads: capture (by hand, or met at an event, a convoy or a door-to-door visit), the registry's
 * lists in bulk, assignment to agents, follow-up, and the campaign funnel. Enrollments and payments
 * close their lead by triggers in their own transaction (migration 0011).
 */
export function createLeadsService({
  db,
  clock,
  rules,
  orgs,
  participants,
  campaigns,
}: {
  db: Db;
  clock: Clock;
  rules: RulesService;
  orgs: OrgsRepository;
  participants: ParticipantsService;
  campaigns: CampaignsService;
}) {
  const repo = createLeadsRepository(db);
  const funnel = createLeadFunnel(db);
  const lists = createLeadLists({ db, clock, rules, campaigns, openCampaign });

  async function load(actor: Actor, id: number): Promise<LeadRow> {
    const row = await repo.find(actor, id);
    if (!row) throw new AppError('lead.not_found', { id });
    return row;
  }

  /** A campaign still taking leads: one that has not ended. */
  async function openCampaign(id: number) {
    const campaign = await campaigns.get(id);
    if (campaign.endsOn < vietnamDate(clock)) {
      throw new AppError(
        'lead.campaign_ended',
        { name: campaign.name, endsOn: campaign.endsOn },
        'campaignId',
      );
    }
    return campaign;
  }

  async function communeOf(actor: Actor, code: string) {
    const commune = await repo.commune(code);
    if (!commune) throw new AppError('unit.unknown_commune', { code }, 'communeCode');
    if (!actor.national && !actor.communes.includes(code)) {
      throw new AppError('lead.commune_outside_scope', { commune: commune.name }, 'communeCode');
    }
    return commune;
  }

  /**
   * Someone leads may be given to: active, in a role that follows leads up, in the caller's region,
   * and serving every commune the leads live in (no one works outside their area).
   */
  async function agentFor(actor: Actor, userId: number, communes: { code: string; name: string }[]) {
    const user = await repo.userById(userId);
    if (!user) throw new AppError('lead.agent_not_found', { id: userId }, 'agentUserId');
    if (!can(user.role as Parameters<typeof can>[0], 'leads.work')) {
      throw new AppError('lead.agent_cannot_work', { name: user.full_name }, 'agentUserId');
    }
    if (!(await orgs.find(actor, user.org_unit_id))) {
      throw new AppError('lead.agent_outside_scope', { name: user.full_name }, 'agentUserId');
    }
    const codes = [...new Set(communes.map((c) => c.code))];
    const outside = new Set(await orgs.communesOutside(user.org_unit_id, codes));
    if (outside.size > 0) {
      const names = [...new Set(communes.filter((c) => outside.has(c.code)).map((c) => c.name))];
      throw new AppError(
        'lead.agent_not_serving',
        {
          name: user.full_name,
          communes: names.slice(0, 3).join(', ') + (names.length > 3 ? '…' : ''),
          n: communes.filter((c) => outside.has(c.code)).length,
        },
        'agentUserId',
      );
    }
    return { userId: user.id, orgUnitId: user.org_unit_id };
  }

  /** The refusal for a lead that is already there, by the person or by the phone. */
  async function duplicateError(
    campaignId: number,
    who: { participantId?: number | null; personalId?: string | null; phone?: string | null },
    exceptId = 0,
  ) {
    const existing = await repo.duplicateOf(campaignId, who, exceptId);
    if (!existing) return null;
    return who.phone && existing.phone === who.phone
      ? new AppError(
          'lead.duplicate_phone',
          { phone: who.phone, name: existing.full_name, id: Number(existing.id) },
          'phone',
        )
      : new AppError('lead.duplicate_person', { name: existing.full_name, id: Number(existing.id) });
  }

  /** The registry record a personal ID names, when the caller may see it; a running enrollment refuses. */
  async function personOf(actor: Actor, personalId: string) {
    const holder = await participants.repo.holderOf(personalId);
    const visible = holder ? await participants.repo.findVisible(actor, holder.id) : undefined;
    if (!holder || !visible) return { participantId: null, enrollmentId: null };
    const enrollment = await participants.repo.enrollmentOf(holder.id);
    if (enrollment && enrollment.status !== WINNABLE_STATUS) {
      throw new AppError(
        'lead.already_participant',
        {
          maskedId: maskPersonalId(personalId),
          statusVi: STATUS_LABEL[enrollment.status as keyof typeof STATUS_LABEL] ?? enrollment.status,
          statusEn: enrollment.status,
          unit: holder.unit_name,
        },
        'personalId',
      );
    }
    return { participantId: Number(holder.id), enrollmentId: enrollment ? Number(enrollment.id) : null };
  }

  return {
    repo,
    load,

    list: (actor: Actor, filter: LeadFilter) => repo.list(actor, filter),

    async capture(actor: Actor, input: CaptureInput) {
      const campaign = await openCampaign(input.campaignId);
      const phone = input.phone?.trim() ? normalizePhone(input.phone) : null;
      if (phone && !input.consent) throw new AppError('lead.phone_without_consent', {}, 'phone');
      const commune = await communeOf(actor, input.communeCode);
      if (input.eventId) {
        const activity = await repo.activityOf(campaign.id, input.eventId, commune.province_code);
        if (!activity) throw new AppError('lead.event_not_found', { id: input.eventId }, 'eventId');
        if (input.source === 'manual' || !ACTIVITY_KINDS_OF[input.source].includes(activity.kind)) {
          const words = input.source === 'manual' ? null : SOURCE_WORDS[input.source];
          throw new AppError(
            'lead.event_mismatch',
            {
              title: activity.title,
              source: words?.[0] ?? 'nhập tay',
              sourceEn: words?.[1] ?? 'manual entry',
            },
            'source',
          );
        }
      }
      const personalId = input.personalId?.trim() || null;
      const person = personalId
        ? await personOf(actor, personalId)
        : { participantId: null, enrollmentId: null };
      const org = await participants.holdingUnit(actor, input.orgUnitId, commune.code);
      const agent = worksOwnLeadsOnly(actor)
        ? { userId: actor.userId!, orgUnitId: org.id }
        : input.assignedTo
          ? await agentFor(actor, input.assignedTo, [commune])
          : null;
      const who = { participantId: person.participantId, personalId, phone };
      const duplicate = await duplicateError(campaign.id, who);
      if (duplicate) throw duplicate;
      const channel =
        input.source === 'manual'
          ? (input.channel ?? (org.network === 'vnpost' ? 'post_office' : 'door_to_door'))
          : input.source;
      const id = await transact(db, auditContext(actor, clock), (tx) =>
        repo.insert(tx, {
          campaignId: campaign.id,
          source: input.source,
          eventId: input.eventId ?? null,
          participantId: person.participantId,
          enrollmentId: person.enrollmentId,
          personalId: person.participantId ? null : personalId,
          fullName: input.fullName.trim().replace(/\s+/g, ' '),
          phone,
          communeCode: commune.code,
          provinceCode: commune.province_code,
          channel,
          consent: input.consent,
          purpose: input.purpose,
          assignedTo: agent?.userId ?? null,
          orgUnitId: agent?.orgUnitId ?? org.id,
          note: input.note?.trim() || null,
          createdBy: actor.userId,
          at: clock.now(),
        }),
      ).catch(async (error) => {
        // Two captures of one person or phone at once: the unique indexes let one through.
        if ((error as { code?: string }).code === '23505')
          throw (await duplicateError(campaign.id, who)) ?? error;
        throw error;
      });
      return load(actor, id);
    },

    /** Contact details and consent. Withdrawing consent erases the phone (Decree 13/2023, Art. 12). */
    async edit(actor: Actor, id: number, input: EditInput) {
      const lead = await load(actor, id);
      const consent = input.consent ?? lead.consent;
      const phone =
        input.phone === undefined
          ? consent
            ? lead.phone
            : null
          : input.phone?.trim()
            ? normalizePhone(input.phone)
            : null;
      if (phone && !consent) throw new AppError('lead.phone_without_consent', {}, 'phone');
      const personalId =
        lead.participant_id === null && input.personalId !== undefined
          ? input.personalId?.trim() || null
          : lead.personal_id;
      const who = {
        phone: phone !== lead.phone ? phone : null,
        personalId: personalId !== lead.personal_id ? personalId : null,
      };
      if (lead.campaign_id && (who.phone || who.personalId)) {
        const duplicate = await duplicateError(Number(lead.campaign_id), who, id);
        if (duplicate) throw duplicate;
      }
      await transact(db, auditContext(actor, clock), (tx) =>
        repo.update(tx, id, {
          ...(input.fullName !== undefined ? { full_name: input.fullName.trim().replace(/\s+/g, ' ') } : {}),
          ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
          ...(input.note !== undefined ? { note: input.note?.trim() || null } : {}),
          consent,
          phone,
          personal_id: personalId,
          updated_at: clock.now(),
        }),
      ).catch(async (error) => {
        if ((error as { code?: string }).code === '23505' && lead.campaign_id)
          throw (await duplicateError(Number(lead.campaign_id), who, id)) ?? error;
        throw error;
      });
      return load(actor, id);
    },

    /** One tap of the follow-up: contacted, consulted (with what was said), or not joining and why. */
    async followUp(
      actor: Actor,
      id: number,
      input: { step: LeadStep; note?: string | null; reason?: LostReason },
    ) {
      const lead = await load(actor, id);
      const refuse = (status: LeadStatus) =>
        new AppError('lead.step_not_allowed', {
          statusVi: WORDS[status][0],
          statusEn: WORDS[status][1],
          stepVi: WORDS[input.step][0],
          stepEn: WORDS[input.step][1],
        });
      if (!canTake(lead.status, input.step)) throw refuse(lead.status);
      if (input.step === 'lost' && !input.reason)
        throw new AppError('lead.lost_reason_required', {}, 'reason');
      const now = clock.now();
      const changes: LeadChanges =
        input.step === 'contacted'
          ? { contacted_at: now }
          : input.step === 'consulted'
            ? { contacted_at: lead.contacted_at ?? now, consulted_at: now }
            : { lost_at: now, lost_reason: input.reason! };
      // Only from the status read: a second tap racing the first finds the lead moved on.
      const moved = await transact(db, auditContext(actor, clock), (tx) =>
        repo.update(
          tx,
          id,
          { ...changes, ...(input.note?.trim() ? { note: input.note.trim() } : {}), updated_at: now },
          lead.status,
        ),
      );
      if (moved === 0) throw refuse((await load(actor, id)).status);
      return load(actor, id);
    },

    /** Takes back the last follow-up step (a mistaken tap). */
    async undo(actor: Actor, id: number) {
      const lead = await load(actor, id);
      const iso = (d: Date | null) => (d ? d.toISOString() : null);
      const undo = undoOf({
        contactedAt: iso(lead.contacted_at),
        consultedAt: iso(lead.consulted_at),
        lostAt: iso(lead.lost_at),
        enrolledAt: iso(lead.enrolled_at),
        paidAt: iso(lead.paid_at),
      });
      if (!undo.ok)
        throw new AppError(undo.reason === 'converted' ? 'lead.undo_converted' : 'lead.nothing_to_undo');
      const moved = await transact(db, auditContext(actor, clock), (tx) =>
        repo.update(
          tx,
          id,
          {
            ...(undo.clear.includes('lostAt') ? { lost_at: null, lost_reason: null } : {}),
            ...(undo.clear.includes('consultedAt') ? { consulted_at: null } : {}),
            ...(undo.clear.includes('contactedAt') ? { contacted_at: null } : {}),
            updated_at: clock.now(),
          },
          lead.status,
        ),
      );
      if (moved === 0) throw new AppError('lead.nothing_to_undo');
      return load(actor, id);
    },

    /** Gives leads to one agent (or takes them back with null), all or none. */
    async assign(actor: Actor, input: { leadIds: number[]; agentUserId: number | null }) {
      const ids = [...new Set(input.leadIds)];
      const found = await repo.findMany(actor, ids);
      const missing = ids.find((id) => !found.some((l) => Number(l.id) === id));
      if (missing !== undefined) throw new AppError('lead.not_found', { id: missing });
      const agent =
        input.agentUserId === null
          ? null
          : await agentFor(
              actor,
              input.agentUserId,
              found.map((l) => ({ code: l.commune_code, name: l.commune_name })),
            );
      const assigned = await transact(db, auditContext(actor, clock), (tx) =>
        repo.assign(tx, ids, agent, clock.now()),
      );
      return { assigned };
    },

    /** Erases a lead, e.g. when the person asks to be forgotten; their registry record, if any, stays. */
    async erase(actor: Actor, id: number) {
      await load(actor, id);
      await transact(db, auditContext(actor, clock), (tx) => repo.remove(tx, id));
    },

    /** Where the caller may have met the people they record. */
    async activities(actor: Actor, campaignId: number) {
      await campaigns.get(campaignId);
      const kinds = [...new Set(Object.values(ACTIVITY_KINDS_OF).flat())];
      const rows = await repo.activitiesFor(actor, campaignId, kinds);
      return rows.map((a) => ({
        id: Number(a.id),
        kind: a.kind,
        title: a.title,
        onDate: a.on_date,
        provinceCode: a.province_code,
      }));
    },

    listSources: lists.count,
    generate: lists.generate,
    progress: lists.progress,

    async funnel(
      actor: Actor,
      campaignId: number,
      query: { by: FunnelBy; province?: string; limit: number; offset: number },
    ) {
      await campaigns.get(campaignId);
      const result = await funnel.read(actor, campaignId, query);
      const withRates = <T extends FunnelCounts>(c: T) => ({ ...c, rates: conversionRates(c) });
      return { ...result, overall: withRates(result.overall), items: result.items.map(withRates) };
    },
  };
}

export type LeadsService = ReturnType<typeof createLeadsService>;
