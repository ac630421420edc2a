import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../db/transaction.ts';
import { classifySearch } from '../../domain/registry/personal-id.ts';
import { normalizeSearch } from '../../domain/units/normalize.ts';
import type { Actor } from '../access/access.actor.ts';
import { inScope, scopeKeys } from '../access/access.scope.ts';

export interface ParticipantFilter {
  search?: string;
  status?: string;
  communeCode?: string;
  orgUnitId?: number;
  limit: number;
  offset: number;
}

/** Counting every match of a common name ("nguyen") at national scale is wasted work: stop at this. */
export const COUNT_CAP = 1000;

export const month = (date: string | null) => (date ? date.slice(0, 7) : null);
export const monthDate = (m: string) => `${m}-01`;

/**
 * A person's commune always lies in the service area of the unit holding their record (enrollment
 * and moves check it), and a caller's communes are the service areas of their subtree: so the
 * commune alone decides whether a person is in the caller's region.
 */
const SCOPE = { province: 'p.province_code', commune: 'p.commune_code' } as const;
/** Up to this many region keys are looked up one by one; more fall back to one `= any(...)` scan. */
const MAX_SEPARATE_KEYS = 64;

export function createParticipantsRepository(db: Db) {
  const visible = (actor: Actor, q: Db | Tx = db) =>
    q
      .selectFrom('participant as p')
      .innerJoin('org_unit as o', 'o.id', 'p.org_unit_id')
      .where(inScope(actor, SCOPE));

  const listColumns = [
    'p.id',
    'p.personal_id',
    'p.full_name',
    'p.birth_date',
    'p.sex',
    'p.phone',
    'p.commune_code',
    'p.province_code',
    'p.categories',
    'p.org_unit_id',
    'o.name as org_unit_name',
    'p.is_demo',
  ] as const;

  return {
    visible,

    /**
     * Search by name (no diacritics, any part), personal ID or phone, newest first. At national
     * scale each branch of the caller's region runs on its own index (see scopeBranches) and the
     * branches are merged; the count stops at COUNT_CAP.
     */
    async search(actor: Actor, filter: ParticipantFilter) {
      const term = filter.search?.trim() ? classifySearch(filter.search) : null;
      const matching = (
        extra?: (eb: ExpressionBuilder<DB & { p: DB['participant'] }, 'p'>) => Expression<SqlBool>,
      ) => {
        let q = db.selectFrom('participant as p');
        if (term?.kind === 'personal_id') q = q.where('p.personal_id', '=', term.value);
        else if (term?.kind === 'phone') q = q.where('p.phone', '=', term.value);
        else if (term) q = q.where('p.name_search', 'like', `%${normalizeSearch(term.value)}%`);
        if (filter.status) {
          const status = filter.status;
          q = q.where((eb) =>
            eb.exists(
              eb
                .selectFrom('vsi_enrollment as se')
                .select(sql`1`.as('one'))
                .whereRef('se.participant_id', '=', 'p.id')
                .where('se.status', '=', status),
            ),
          );
        }
        if (filter.communeCode) q = q.where('p.commune_code', '=', filter.communeCode);
        if (filter.orgUnitId) q = q.where('p.org_unit_id', '=', filter.orgUnitId);
        return extra ? q.where(extra) : q;
      };
      const keys = scopeKeys(actor, SCOPE);
      if (keys && keys.length === 0) return { items: [], total: 0, capped: false };
      /**
       * The newest `limit` matches. For a region, each key value (a province, a commune) walks its
       * own (column, id) index newest first with its own plan, so a common name stops after a few
       * rows and a rare one uses the trigram index; the branches are merged.
       */
      const top = (limit: number) => {
        const branch = (where?: Parameters<typeof matching>[0]) =>
          db
            .selectFrom(matching(where).select('p.id').orderBy('p.id', 'desc').limit(limit).as('b'))
            .select('b.id');
        if (!keys) return branch();
        const values = keys.reduce((n, k) => n + k.values.length, 0);
        const parts =
          values <= MAX_SEPARATE_KEYS
            ? keys.flatMap((key) =>
                key.values.map((value) =>
                  branch((eb) => eb(eb.ref(key.column as 'p.id'), '=', value as never)),
                ),
              )
            : [branch((eb) => inScope(actor, SCOPE)(eb))];
        const [first, ...rest] = parts;
        return rest.reduce((union, part) => union.union(part), first!);
      };
      const [page, counted] = await Promise.all([
        db
          .selectFrom(top(filter.offset + filter.limit).as('hit'))
          .select('hit.id')
          .orderBy('hit.id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        db
          .selectFrom(top(COUNT_CAP + 1).as('hit'))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      const ids = page.map((r) => Number(r.id));
      const rows = ids.length
        ? await db
            .selectFrom('participant as p')
            .innerJoin('org_unit as o', 'o.id', 'p.org_unit_id')
            .leftJoin('vsi_enrollment as e', 'e.participant_id', 'p.id')
            .select([...listColumns, 'e.status', 'e.paid_through', 'e.due_date'])
            .where('p.id', 'in', ids)
            .execute()
        : [];
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      const n = Number(counted.n);
      return { items: ids.map((id) => byId.get(id)!), total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
    },

    findVisible(actor: Actor, id: number, q: Db | Tx = db) {
      return visible(actor, q)
        .innerJoin('commune as c', 'c.code', 'p.commune_code')
        .innerJoin('province as pr', 'pr.code', 'p.province_code')
        .selectAll('p')
        .select([
          'o.name as org_unit_name',
          'o.path as org_path',
          'c.name as commune_name',
          'pr.name as province_name',
        ])
        .where('p.id', '=', id)
        .executeTakeFirst();
    },

    /** Who holds a personal ID, whatever the caller's scope: only for the duplicate message. */
    holderOf(personalId: string, q: Db | Tx = db) {
      return q
        .selectFrom('participant as p')
        .innerJoin('org_unit as o', 'o.id', 'p.org_unit_id')
        .select(['p.id', 'o.name as unit_name'])
        .where('p.personal_id', '=', personalId)
        .executeTakeFirst();
    },

    async insertParticipant(
      tx: Tx,
      row: {
        personalId: string;
        fullName: string;
        birthDate: string;
        sex: 'M' | 'F';
        ethnicity?: string | null;
        phone?: string | null;
        communeCode: string;
        provinceCode: string;
        categories: string[];
        categoryEvidence: Record<string, string>;
        contactConsent: boolean;
        orgUnitId: number;
        createdBy: number | null;
        at: Date;
        isDemo?: boolean;
      },
    ): Promise<number> {
      const inserted = await tx
        .insertInto('participant')
        .values({
          personal_id: row.personalId,
          full_name: row.fullName,
          name_search: normalizeSearch(row.fullName),
          birth_date: row.birthDate,
          sex: row.sex,
          ethnicity: row.ethnicity ?? null,
          phone: row.phone ?? null,
          commune_code: row.communeCode,
          province_code: row.provinceCode,
          categories: row.categories,
          category_evidence: JSON.stringify(row.categoryEvidence),
          contact_consent: row.contactConsent,
          contact_consent_at: row.contactConsent ? row.at : null,
          org_unit_id: row.orgUnitId,
          created_by: row.createdBy,
          created_at: row.at,
          updated_at: row.at,
          is_demo: row.isDemo ?? false,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(inserted.id);
    },

    updateParticipant(
      tx: Tx,
      id: number,
      changes: Partial<{
        full_name: string;
        phone: string | null;
        ethnicity: string | null;
        commune_code: string;
        province_code: string;
        categories: string[];
        category_evidence: string;
        contact_consent: boolean;
        contact_consent_at: Date | null;
        deceased_on: string | null;
        updated_at: Date;
      }>,
    ) {
      const search = changes.full_name ? { name_search: normalizeSearch(changes.full_name) } : {};
      return tx
        .updateTable('participant')
        .set({ ...changes, ...search })
        .where('id', '=', id)
        .execute();
    },

    async insertEnrollment(
      tx: Tx,
      row: {
        participantId: number;
        monthlyIncome: number;
        paymentMode: 'monthly' | 'quarterly' | 'semiannual' | 'annual';
        startMonth: string;
        dueDate: string;
        agentUserId: number | null;
        orgUnitId: number;
        channel: string;
        campaignId?: number | null;
        eventId?: number | null;
        eligibility: unknown;
        onDate: string;
        at: Date;
        isDemo?: boolean;
      },
    ): Promise<number> {
      const inserted = await tx
        .insertInto('vsi_enrollment')
        .values({
          participant_id: row.participantId,
          monthly_income: row.monthlyIncome,
          payment_mode: row.paymentMode,
          start_month: monthDate(row.startMonth),
          paid_through: null,
          due_date: row.dueDate,
          status: 'awaiting_first_payment',
          status_since: row.onDate,
          agent_user_id: row.agentUserId,
          org_unit_id: row.orgUnitId,
          channel: row.channel,
          campaign_id: row.campaignId ?? null,
          event_id: row.eventId ?? null,
          eligibility: JSON.stringify(row.eligibility),
          created_at: row.at,
          updated_at: row.at,
          is_demo: row.isDemo ?? false,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const id = Number(inserted.id);
      await tx
        .insertInto('status_change')
        .values({
          enrollment_id: id,
          from_status: null,
          to_status: 'awaiting_first_payment',
          on_date: row.onDate,
          reason: 'Đăng ký tham gia',
          at: row.at,
        })
        .execute();
      return id;
    },

    enrollmentOf(participantId: number, q: Db | Tx = db) {
      return q
        .selectFrom('vsi_enrollment')
        .selectAll()
        .where('participant_id', '=', participantId)
        .executeTakeFirst();
    },

    /** Everything that happened to a person, for the profile's timeline. */
    async history(participantId: number) {
      const enrollment = await this.enrollmentOf(participantId);
      const [payments, statuses, reminders, households] = await Promise.all([
        db
          .selectFrom('payment as pay')
          .leftJoin('receipt as r', 'r.payment_id', 'pay.id')
          .leftJoin('app_user as u', 'u.id', 'pay.agent_user_id')
          .select([
            'pay.id',
            'pay.product',
            'pay.mode',
            'pay.months',
            'pay.covered_from',
            'pay.covered_to',
            'pay.amount',
            'pay.method',
            'pay.paid_on',
            'pay.created_at',
            'pay.rule_version',
            'pay.voided_at',
            'pay.void_reason',
            'r.number as receipt_number',
            'u.full_name as agent_name',
          ])
          .where((eb) =>
            eb.or([
              eb('pay.participant_id', '=', participantId),
              eb(
                'pay.household_id',
                'in',
                eb
                  .selectFrom('household_member')
                  .select('household_id')
                  .where('person_id', '=', participantId),
              ),
            ]),
          )
          .orderBy('pay.created_at', 'desc')
          .execute(),
        enrollment
          ? db
              .selectFrom('status_change')
              .selectAll()
              .where('enrollment_id', '=', enrollment.id)
              .orderBy('id', 'desc')
              .execute()
          : [],
        db
          .selectFrom('reminder')
          .selectAll()
          .where('participant_id', '=', participantId)
          .orderBy('id', 'desc')
          .execute(),
        db
          .selectFrom('household_member as m')
          .innerJoin('household as h', 'h.id', 'm.household_id')
          .select(['h.id', 'm.position', 'm.from_month', 'm.to_month', 'm.other_source', 'h.head_person_id'])
          .where('m.person_id', '=', participantId)
          .orderBy('m.id', 'desc')
          .execute(),
      ]);
      return { enrollment, payments, statuses, reminders, households };
    },
  };
}

export type ParticipantsRepository = ReturnType<typeof createParticipantsRepository>;
