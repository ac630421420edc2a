import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { HouseholdMemberTable, HouseholdTable } from '../../db/schema.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../access/access.actor.ts';
import { inScope } from '../access/access.scope.ts';

/** How a list of households is narrowed: by the head's personal ID, or by part of their name. */
export interface HouseholdFilter {
  headPersonalId?: string;
  /** Normalised as the name index is (normalizeSearch). */
  headName?: string;
}

/** The household's SQL: households in the caller's region, their ordered members, their periods. */
export function createHouseholdsRepository(db: Db) {
  const visible = (actor: Actor, q: Db | Tx = db) =>
    q
      .selectFrom('household as h')
      .innerJoin('org_unit as o', 'o.id', 'h.org_unit_id')
      .innerJoin('participant as head', 'head.id', 'h.head_person_id')
      .where(inScope(actor, { orgPath: 'o.path', commune: 'h.commune_code' }));

  const matching = (actor: Actor, filter: HouseholdFilter) => {
    let query = visible(actor);
    if (filter.headPersonalId !== undefined)
      query = query.where('head.personal_id', '=', filter.headPersonalId);
    else if (filter.headName !== undefined)
      query = query.where('head.name_search', 'like', `%${filter.headName}%`);
    return query;
  };

  return {
    /** A household in the caller's region, with its head and unit. */
    find(actor: Actor, id: number, q: Db | Tx = db) {
      return visible(actor, q)
        .selectAll('h')
        .select([
          'head.full_name as head_name',
          'head.personal_id as head_personal_id',
          'o.name as org_unit_name',
        ])
        .where('h.id', '=', id)
        .executeTakeFirst();
    },

    /** Every member a household ever had, in order. */
    members(householdId: number, q: Db | Tx = db) {
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
    },

    /** A page of the region's households, newest first, with their current member counts. */
    list(actor: Actor, filter: HouseholdFilter, page: { limit: number; offset: number }) {
      return matching(actor, filter)
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
        .limit(page.limit)
        .offset(page.offset)
        .execute();
    },

    async count(actor: Actor, filter: HouseholdFilter): Promise<number> {
      const count = await matching(actor, filter)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(count.n);
    },

    /** The household a person is a current member of, if any. */
    currentHouseholdOf(tx: Tx, personId: number) {
      return tx
        .selectFrom('household_member')
        .select('household_id')
        .where('person_id', '=', personId)
        .where('to_month', 'is', null)
        .executeTakeFirst();
    },

    async insertHousehold(tx: Tx, values: Insertable<HouseholdTable>): Promise<number> {
      const household = await tx
        .insertInto('household')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(household.id);
    },

    async insertMembers(
      tx: Tx,
      members: Insertable<HouseholdMemberTable> | Insertable<HouseholdMemberTable>[],
    ): Promise<void> {
      await tx.insertInto('household_member').values(members).execute();
    },

    /** The highest position among a household's members, ever. */
    async lastPosition(tx: Tx, householdId: number): Promise<number> {
      const last = await tx
        .selectFrom('household_member')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('household_id', '=', householdId)
        .executeTakeFirstOrThrow();
      return Number(last.p ?? 0);
    },

    /** A current member of a household. */
    currentMember(householdId: number, memberId: number) {
      return db
        .selectFrom('household_member')
        .selectAll()
        .where('id', '=', memberId)
        .where('household_id', '=', householdId)
        .where('to_month', 'is', null)
        .executeTakeFirst();
    },

    async endMember(tx: Tx, memberId: number, toMonth: string): Promise<void> {
      await tx
        .updateTable('household_member')
        .set({ to_month: toMonth })
        .where('id', '=', memberId)
        .execute();
    },

    /** Locks the household's row until the transaction ends, and reads it. */
    lock(tx: Tx, id: number) {
      return tx
        .selectFrom('household')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow();
    },

    async setPaidThrough(
      tx: Tx,
      id: number,
      paid: { paidThrough: string; dueDate: string; paymentMonths: number; at: Date },
    ): Promise<void> {
      await tx
        .updateTable('household')
        .set({
          paid_through: paid.paidThrough,
          due_date: paid.dueDate,
          payment_months: paid.paymentMonths,
          updated_at: paid.at,
        })
        .where('id', '=', id)
        .execute();
    },
  };
}

export type HouseholdsRepository = ReturnType<typeof createHouseholdsRepository>;
