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
import { inScope } from '../access/access.scope.ts';
import { month, monthDate } from '../participants/participants.repository.ts';
import type { ParticipantsService, PersonInput } from '../participants/participants.service.ts';
import type { Method, PaymentsService } from '../payments/payments.service.ts';
import type { RulesService } from '../rules/rules.service.ts';

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
  const visible = (actor: Actor, q: Db | Tx = db) =>
    q
      .selectFrom('household as h')
      .innerJoin('org_unit as o', 'o.id', 'h.org_unit_id')
      .innerJoin('participant as head', 'head.id', 'h.head_person_id')
      .where(inScope(actor, { orgPath: 'o.path', commune: 'h.commune_code' }));

  async function load(actor: Actor, id: number, q: Db | Tx = db) {
    const row = await visible(actor, q)
      .selectAll('h')
      .select([
        'head.full_name as head_name',
        'head.personal_id as head_personal_id',
        'o.name as org_unit_name',
      ])
      .where('h.id', '=', id)
      .executeTakeFirst();
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
    return q
      .selectFrom('household_member as m')
      .innerJoin('participant as p', 'p.id', 'm.person_id')
      .select([
        'm.id',
        'm.person_id',
        'm.position',
        'm.other_source',
        'm.from_month',
        'm.to_month',
        'p.full_name',
        'p.personal_id',
        'p.birth_date',
        'p.sex',
      ])
      .where('m.household_id', '=', householdId)
      .orderBy('m.position')
      .orderBy('m.id')
      .execute();
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
    if (existing) {
      const active = await tx
        .selectFrom('household_member')
        .select('household_id')
        .where('person_id', '=', existing.id)
        .where('to_month', 'is', null)
        .executeTakeFirst();
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
      let query = visible(actor);
      const search = filter.search?.trim();
      if (search) {
        query = /^\d{12}$/.test(search)
          ? query.where('head.personal_id', '=', search)
          : query.where('head.name_search', 'like', `%${normalizeSearch(search)}%`);
      }
      const [items, count] = await Promise.all([
        query
          .select([
            'h.id',
            'h.commune_code',
            'h.address',
            'h.paid_through',
            'h.due_date',
            'h.payment_months',
            'head.full_name as head_name',
            'head.personal_id as head_personal_id',
            (eb) =>
              eb
                .selectFrom('household_member as m')
                .select(eb.fn.countAll<number>().as('n'))
                .whereRef('m.household_id', '=', 'h.id')
                .where('m.to_month', 'is', null)
                .as('members'),
          ])
          .orderBy('h.id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    async create(
      actor: Actor,
      input: {
        communeCode: string;
        address?: string | null;
        paymentMonths: 3 | 6 | 12;
        members: MemberInput[];
        orgUnitId?: number;
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
        const household = await tx
          .insertInto('household')
          .values({
            head_person_id: personIds[0]!,
            commune_code: commune.code,
            province_code: commune.province_code,
            address: input.address ?? null,
            payment_months: input.paymentMonths,
            paid_through: null,
            due_date: null,
            org_unit_id: org.id,
            agent_user_id: actor.userId,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('household_member')
          .values(
            personIds.map((personId, i) => ({
              household_id: household.id,
              person_id: personId,
              position: i + 1,
              other_source: input.members[i]!.otherSource ?? false,
              from_month: from,
              to_month: null,
              created_at: at,
            })),
          )
          .execute();
        return Number(household.id);
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
        const last = await tx
          .selectFrom('household_member')
          .select((eb) => eb.fn.max('position').as('p'))
          .where('household_id', '=', id)
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('household_member')
          .values({
            household_id: id,
            person_id: personId,
            position: Number(last.p ?? 0) + 1,
            other_source: person.otherSource ?? false,
            from_month: monthDate(from),
            to_month: null,
            created_at: clock.now(),
          })
          .execute();
      });
      return { from };
    },

    /** A member leaves at the end of the paid period; the others move up from the next one. */
    async removeMember(actor: Actor, id: number, memberId: number) {
      const household = await load(actor, id);
      const from = nextPeriodStart(household.paid_through, vietnamDate(clock));
      const member = await db
        .selectFrom('household_member')
        .selectAll()
        .where('id', '=', memberId)
        .where('household_id', '=', id)
        .where('to_month', 'is', null)
        .executeTakeFirst();
      if (!member) throw new AppError('household.member_not_found', { id: memberId });
      if (member.person_id === household.head_person_id) throw new AppError('household.remove_head');
      await transact(db, auditContext(actor, clock), (tx) =>
        tx
          .updateTable('household_member')
          .set({ to_month: monthDate(addMonths(from, -1)) })
          .where('id', '=', memberId)
          .execute(),
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
        const locked = await tx
          .selectFrom('household')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (locked.paid_through !== household.paid_through) {
          throw new AppError('payment.amount_mismatch', {
            given: formatVnd(input.amount),
            expected: 'một số tiền mới (hộ vừa được thu, hãy tính lại)',
            ruleVersion: priced.quote.ruleVersion,
          });
        }
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
            channel: 'door_to_door',
            campaign_id: null,
            event_id: null,
            is_demo: household.is_demo,
          },
          input.receiptNumber,
        );
        await tx
          .updateTable('household')
          .set({
            paid_through: monthDate(priced.period.to),
            due_date: lastDayOfMonth(priced.period.to),
            payment_months: priced.period.months,
            updated_at: clock.now(),
          })
          .where('id', '=', id)
          .execute();
        return recorded;
      });
      await rules.remember([rulesAt(book, priced.paymentDate)]);
      return { ...result, ...priced, paidThrough: priced.period.to };
    },
  };
}

export type HouseholdsService = ReturnType<typeof createHouseholdsService>;
