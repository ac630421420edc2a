import type { Db } from '../../db/database.ts';
import { type Tx, transact } from '../../db/transaction.ts';
import {
  addMonths,
  calculate,
  formatVnd,
  type HhiQuoteResult,
  monthOfDate,
  rulesAt,
} from '../../domain/law/index.ts';
import { lastDayOfMonth } from '../../domain/registry/periods.ts';
import { normalizeSearch } from '../../domain/units/normalize.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import { AppError, DomainError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import { createCampaignAttribution } from '../campaigns/campaigns.repository.ts';
import { month, monthDate } from '../participants/participants.repository.ts';
import type { Channel, ParticipantsService, PersonInput } from '../participants/participants.service.ts';
import type { Method, PaymentsService } from '../payments/payments.service.ts';
import type { RulesService } from '../rules/rules.service.ts';
import { createHouseholdsRepository } from './households.repository.ts';

export interface MemberInput extends Omit<PersonInput, 'communeCode'> {
  /** Health insurance paid from another source (e.g. a pensioner's): not counted in the order. */
  otherSource?: boolean;
}

/**
 * Household health insurance: a head and ordered members, each a person keyed on the personal ID.
 * The discount follows a member's order among those the household pays for (RULES.md §4); adding
 * or removing a member changes the order from the next period, never the period already paid.
 */
export function createHouseholdsService({
  db,
  clock,
  rules,
  participants,
  payments,
}: {
  db: Db;
  clock: Clock;
  rules: RulesService;
  participants: ParticipantsService;
  payments: PaymentsService;
}) {
  const attribution = createCampaignAttribution(db);
  const repo = createHouseholdsRepository(db);

  async function load(actor: Actor, id: number, q: Db | Tx = db) {
    const row = await repo.find(actor, id, q);
    if (!row) throw new AppError('household.not_found', { id });
    return row;
  }

  /** The first month the next payment will cover: after the paid months, or now after a lapse. */
  function nextPeriodStart(paidThrough: string | null, today: string): string {
    const current = monthOfDate(today);
    const next = paidThrough ? addMonths(month(paidThrough)!, 1) : current;
    // A household that lapsed starts again from the current month.
    if (next < current) return current;
    return next;
  }

  async function members(householdId: number, q: Db | Tx = db) {
    return repo.members(householdId, q);
  }

  /** Members the household pays for in a month, in order: their order sets each one's discount. */
  function payingMembers(list: Awaited<ReturnType<typeof members>>, inMonth: string) {
    return list.filter(
      (m) =>
        !m.other_source &&
        month(m.from_month)! <= inMonth &&
        (m.to_month === null || month(m.to_month)! >= inMonth),
    );
  }

  async function quoteFor(
    household: { paid_through: string | null; payment_months: number; id: number },
    input: { months?: number; paymentDate?: string },
    q: Db | Tx = db,
  ) {
    const paymentDate = payments.checkDate(input.paymentDate);
    const from = nextPeriodStart(household.paid_through, paymentDate);
    const list = payingMembers(await members(household.id, q), from);
    const months = input.months ?? household.payment_months;
    if (list.length === 0) throw new AppError('payment.no_members', { month: from });
    const outcome = calculate(
      'hhi-quote',
      { paymentDate, members: list.length, months },
      { book: await rules.book(), today: vietnamDate(clock) },
    );
    if (!outcome.ok) throw new DomainError(outcome.error.code, outcome.error.message, outcome.error.field);
    const quote = outcome.result as HhiQuoteResult;
    return {
      paymentDate,
      period: { from, to: addMonths(from, months - 1), months },
      members: list.map((m, i) => ({ ...m, order: i + 1, monthly: quote.members[i]!.monthly })),
      quote,
    };
  }

  async function addPerson(
    tx: Tx,
    actor: Actor,
    person: MemberInput,
    household: { commune_code: string; province_code: string; org_unit_id: number },
  ) {
    const existing = await participants.repo.holderOf(person.personalId, tx);
    // A person held outside the caller's region is not pulled into this household, and nothing
    // of their record is shown: the same answer as a duplicate enrollment.
    if (existing && !(await participants.repo.findVisible(actor, existing.id, tx))) {
      throw await participants.duplicateError(person.personalId);
    }
    if (existing) {
      const active = await repo.currentHouseholdOf(tx, existing.id);
      if (active)
        throw new AppError(
          'household.member_elsewhere',
          { household: Number(active.household_id) },
          'personalId',
        );
      return existing.id;
    }
    return participants.insertPerson(tx, actor, {
      ...person,
      communeCode: household.commune_code,
      provinceCode: household.province_code,
      orgUnitId: household.org_unit_id,
    });
  }

  return {
    load,
    members,
    quoteFor,

    async search(actor: Actor, filter: { search?: string; limit: number; offset: number }) {
      const search = filter.search?.trim();
      const by = search
        ? /^\d{12}$/.test(search)
          ? { headPersonalId: search }
          : { headName: normalizeSearch(search) }
        : {};
      const [items, total] = await Promise.all([repo.list(actor, by, filter), repo.count(actor, by)]);
      return { items, total };
    },

    async create(
      actor: Actor,
      input: {
        communeCode: string;
        address?: string | null;
        paymentMonths: 3 | 6 | 12;
        members: MemberInput[];
        orgUnitId?: number;
        /** Counts for this campaign; by default the one under way for household HI, if any. */
        campaignId?: number | null;
        eventId?: number | null;
        channel?: Channel;
      },
    ) {
      const commune = await participants.checkPerson(actor, {
        ...input.members[0]!,
        communeCode: input.communeCode,
      });
      for (const m of input.members.slice(1))
        await participants.checkPerson(actor, { ...m, communeCode: input.communeCode });
      const ids = input.members.map((m) => m.personalId);
      if (new Set(ids).size !== ids.length) throw new AppError('household.duplicate_member', {}, 'members');
      const org = await participants.holdingUnit(actor, input.orgUnitId, commune.code);
      const campaignId =
        input.campaignId === undefined
          ? await attribution.ongoing('hhi', vietnamDate(clock))
          : input.campaignId;
      await attribution.checkNamed(input, campaignId);
      const at = clock.now();
      const from = monthDate(monthOfDate(vietnamDate(clock)));
      const id = await transact(db, auditContext(actor, clock), async (tx) => {
        const place = {
          commune_code: commune.code,
          province_code: commune.province_code,
          org_unit_id: org.id,
        };
        const personIds: number[] = [];
        for (const m of input.members) personIds.push(await addPerson(tx, actor, m, place));
        const householdId = await repo.insertHousehold(tx, {
          head_person_id: personIds[0]!,
          commune_code: commune.code,
          province_code: commune.province_code,
          address: input.address ?? null,
          payment_months: input.paymentMonths,
          paid_through: null,
          // Its first period is due by the end of this month: on the worklist until it is paid.
          due_date: lastDayOfMonth(monthOfDate(vietnamDate(clock))),
          org_unit_id: org.id,
          agent_user_id: actor.userId,
          campaign_id: campaignId,
          event_id: input.eventId ?? null,
          channel: input.channel ?? (org.network === 'vnpost' ? 'post_office' : 'door_to_door'),
          created_at: at,
          updated_at: at,
        });
        await repo.insertMembers(
          tx,
          personIds.map((personId, i) => ({
            household_id: householdId,
            person_id: personId,
            position: i + 1,
            other_source: input.members[i]!.otherSource ?? false,
            from_month: from,
            to_month: null,
            created_at: at,
          })),
        );
        return householdId;
      }).catch((error) => {
        if ((error as { code?: string }).code === '23505')
          throw new AppError('household.member_elsewhere', { household: '?' }, 'members');
        throw error;
      });
      return load(actor, id);
    },

    async addMember(actor: Actor, id: number, person: MemberInput) {
      const household = await load(actor, id);
      await participants.checkPerson(actor, { ...person, communeCode: household.commune_code });
      const from = nextPeriodStart(household.paid_through, vietnamDate(clock));
      await transact(db, auditContext(actor, clock), async (tx) => {
        const personId = await addPerson(tx, actor, person, household);
        const last = await repo.lastPosition(tx, id);
        await repo.insertMembers(tx, {
          household_id: id,
          person_id: personId,
          position: last + 1,
          other_source: person.otherSource ?? false,
          from_month: monthDate(from),
          to_month: null,
          created_at: clock.now(),
        });
      });
      return { from };
    },

    /** A member leaves at the end of the paid period; the others move up from the next one. */
    async removeMember(actor: Actor, id: number, memberId: number) {
      const household = await load(actor, id);
      const from = nextPeriodStart(household.paid_through, vietnamDate(clock));
      const member = await repo.currentMember(id, memberId);
      if (!member) throw new AppError('household.member_not_found', { id: memberId });
      if (member.person_id === household.head_person_id) throw new AppError('household.remove_head');
      await transact(db, auditContext(actor, clock), (tx) =>
        repo.endMember(tx, memberId, monthDate(addMonths(from, -1))),
      );
      return { until: addMonths(from, -1) };
    },

    async pay(
      actor: Actor,
      id: number,
      input: {
        months?: number;
        method: Method;
        amount: number;
        paymentDate?: string;
        receiptNumber?: string;
      },
    ) {
      const household = await load(actor, id);
      const priced = await quoteFor(household, input);
      if (input.amount !== priced.quote.total) {
        throw new AppError(
          'payment.amount_mismatch',
          {
            given: formatVnd(input.amount),
            expected: formatVnd(priced.quote.total),
            ruleVersion: priced.quote.ruleVersion,
          },
          'amount',
        );
      }
      const book = await rules.book();
      const result = await transact(db, auditContext(actor, clock), async (tx) => {
        const locked = await repo.lock(tx, id);
        if (locked.paid_through !== household.paid_through) {
          throw new AppError('payment.amount_mismatch', {
            given: formatVnd(input.amount),
            expected: 'một số tiền mới (hộ vừa được thu, hãy tính lại)',
            ruleVersion: priced.quote.ruleVersion,
          });
        }
        const campaignId = await attribution.during(locked.campaign_id, priced.paymentDate, tx);
        const recorded = await payments.recordPayment(
          tx,
          actor,
          {
            product: 'hhi',
            participant_id: household.head_person_id,
            enrollment_id: null,
            household_id: id,
            mode: `hhi_${priced.period.months}`,
            months: priced.period.months,
            covered_from: monthDate(priced.period.from),
            covered_to: monthDate(priced.period.to),
            amount: priced.quote.total,
            supported_months: 0,
            rule_version: priced.quote.ruleVersion,
            quote: JSON.stringify({
              baseSalary: priced.quote.baseSalary,
              members: priced.members.map((m) => ({
                personId: m.person_id,
                order: m.order,
                monthly: m.monthly,
              })),
            }),
            method: input.method,
            paid_on: priced.paymentDate,
            org_unit_id: actor.orgUnitId ?? household.org_unit_id,
            province_code: household.province_code,
            commune_code: household.commune_code,
            channel: locked.channel,
            campaign_id: campaignId,
            event_id: campaignId === null ? null : locked.event_id,
            is_demo: household.is_demo,
          },
          input.receiptNumber,
        );
        await repo.setPaidThrough(tx, id, {
          paidThrough: monthDate(priced.period.to),
          dueDate: lastDayOfMonth(priced.period.to),
          paymentMonths: priced.period.months,
          at: clock.now(),
        });
        return recorded;
      });
      await rules.remember([rulesAt(book, priced.paymentDate)]);
      return { ...result, ...priced, paidThrough: priced.period.to };
    },
  };
}

export type HouseholdsService = ReturnType<typeof createHouseholdsService>;
