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
/**
 * A name search stops counting sooner: two and a half pages is more than anyone reads, and past that
 * the page asks for another word. Walking to the 1,001st "thi hoa" among 3 million people took ~130 ms,
 * to the 201st ~26; a common name's walk is as long as the count, so the cap is the search's cost.
 */
export const NAME_COUNT_CAP = 50;

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
/**
 * A name being typed is first looked for among each branch's newest rows, this many; when too few
 * match there, further back (up to MAX_WALK) if the density found says that is cheaper than the
 * word-beginnings index, else through the index.
 */
const WINDOW = 10_000;
const MAX_WALK = 40_000;

/** How a branch finds its newest matches: walking newest first, within a window, or by index. */
type Plan = { kind: 'walk' } | { kind: 'window'; bounds: Map<string, number | null> } | { kind: 'index' };
const WALK: Plan = { kind: 'walk' };

/**
 * The branches a region's search runs as: the whole country, or each province and commune of the
 * region on its own (column, id) index, merged; a commune is small enough to walk whole.
 */
function branchesOf(actor: Actor, keys: ReturnType<typeof scopeKeys>) {
  type Where = (eb: ExpressionBuilder<DB & { p: DB['participant'] }, 'p'>) => Expression<SqlBool>;
  type Branch = { key: string; where?: Where; smallArea: boolean; column?: string; value?: unknown };
  if (!keys) return [{ key: 'all', smallArea: false }] as Branch[];
  const values = keys.reduce((n, k) => n + k.values.length, 0);
  if (values > MAX_SEPARATE_KEYS)
    return [{ key: 'region', where: (eb) => inScope(actor, SCOPE)(eb), smallArea: false }] as Branch[];
  return keys.flatMap((key) =>
    key.values.map(
      (value): Branch => ({
        key: `${key.column}=${value}`,
        where: (eb) => eb(eb.ref(key.column as 'p.id'), '=', value as never),
        smallArea: key.column === SCOPE.commune,
        column: key.column,
        value,
      }),
    ),
  );
}

export function createParticipantsRepository(
  db: Db,
  /** The typed-name search's window and farthest walk (smaller in tests, to reach the index). */
  tuning: { window?: number; maxWalk?: number } = {},
) {
  const window = tuning.window ?? WINDOW;
  const maxWalk = tuning.maxWalk ?? MAX_WALK;
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

  async function searchWith(
    actor: Actor,
    filter: ParticipantFilter,
    keys: ReturnType<typeof scopeKeys>,
    term: ReturnType<typeof classifySearch> | null,
    name: string,
    mode: 'words' | 'begins' | 'prefix' | 'infix',
    plan: Plan = WALK,
  ) {
    const matching = (
      extra?: (eb: ExpressionBuilder<DB & { p: DB['participant'] }, 'p'>) => Expression<SqlBool>,
      /**
       * A commune's people are a few thousand at most: walking them is cheaper than any name index,
       * which the planner would still AND with the commune's (80 ms through the trigrams). The name
       * is then read through an expression no index has, so the commune's index is walked.
       */
      smallArea = false,
    ) => {
      let q = db.selectFrom('participant as p');
      const nameOf = smallArea ? sql`(p.name_search || '')` : sql.ref('p.name_search');
      const words = (list: string[]) => sql<SqlBool>`string_to_array(${nameOf}, ' ') @> ${list}::text[]`;
      if (term?.kind === 'personal_id') q = q.where('p.personal_id', '=', term.value);
      else if (term?.kind === 'phone') q = q.where('p.phone', '=', term.value);
      else if (term) {
        const typed = name.split(' ');
        if (mode === 'words') {
          // Every word typed is a whole word of the name, in any order. The expression is
          // participant_name_words_idx's, and its element statistics let the planner choose between
          // walking the newest rows (common names) and the index (rare ones).
          q = q.where(words(typed));
        } else if (mode === 'begins') {
          // The name begins with what was typed, in its order (participant_name_order_idx).
          q = q.where(sql<SqlBool>`${nameOf} like ${`${name}%`}`);
        } else if (mode === 'prefix') {
          // A name still being typed: each word typed begins a word of the name, in any order.
          // Walking, that is a cheap test per row; by index, the word-beginnings' (migration 0019).
          if (plan.kind === 'index' && !smallArea) {
            q = q.where(sql<SqlBool>`name_prefixes(p.name_search) @> ${typed}::text[]`);
          } else {
            for (const word of typed) q = q.where(sql<SqlBool>`(' ' || ${nameOf}) like ${`% ${word}%`}`);
          }
        } else {
          q = q.where(sql<SqlBool>`${nameOf} like ${`%${name}%`}`);
        }
      }
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
    /**
     * The newest `limit` matches. For a region, each key value (a province, a commune) walks its
     * own (column, id) index newest first with its own plan, so a common name stops after a few
     * rows and a rare one uses the trigram index; the branches are merged.
     */
    const top = (limit: number) => {
      const branch = (b: ReturnType<typeof branchesOf>[number]) => {
        let q = matching(b.where, b.smallArea).select('p.id');
        const bound = plan.kind === 'window' ? plan.bounds.get(b.key) : null;
        // A province's window is bounded on its own (column, id) index: as a plain `id >=`, the
        // planner walked the whole country's newest rows for the province's few (100 ms, not 20).
        if (bound != null)
          q = q.where(
            b.column
              ? sql<SqlBool>`(${sql.ref(b.column)}, p.id) >= (${b.value}, ${bound})`
              : sql<SqlBool>`p.id >= ${bound}`,
          );
        // By index: ordered by an expression, so the planner reads the index rather than walking the
        // primary key newest first through the whole table.
        const ordered =
          plan.kind === 'index' && !b.smallArea
            ? q.orderBy(sql`p.id + 0`, 'desc')
            : q.orderBy('p.id', 'desc');
        return db.selectFrom(ordered.limit(limit).as('b')).select('b.id');
      };
      const parts = branchesOf(actor, keys).map(branch);
      const [first, ...rest] = parts;
      return rest.reduce((union, part) => union.union(part), first!);
    };
    // One walk gives both the page and the count (up to the cap): the newest matches, newest first.
    // Two queries (a page, a count) did the same work twice on the same rows.
    const cap = term?.kind === 'name' ? NAME_COUNT_CAP : COUNT_CAP;
    const wanted = Math.max(cap + 1, filter.offset + filter.limit);
    const hits = await db
      .selectFrom(top(wanted).as('hit'))
      .select('hit.id')
      .orderBy('hit.id', 'desc')
      .limit(wanted)
      .execute();
    const ids = hits.slice(filter.offset, filter.offset + filter.limit).map((r) => Number(r.id));
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
    const n = hits.length;
    return {
      items: ids.map((id) => byId.get(id)!),
      total: Math.min(n, cap),
      capped: n > cap,
      /** Matches found, up to what the page and the count needed. */
      found: n,
      wanted,
    };
  }

  /**
   * For each branch but a commune's (a few thousand people, walked whole), the id of its `size`-th
   * newest row: a window of that many rows. Null when the branch has fewer: walking it is complete.
   */
  async function boundsOf(actor: Actor, keys: ReturnType<typeof scopeKeys>, size: number) {
    const entries = await Promise.all(
      branchesOf(actor, keys)
        .filter((b) => !b.smallArea)
        .map(async (b) => {
          let q = db.selectFrom('participant as p').select('p.id');
          if (b.where) q = q.where(b.where);
          const row = await q
            .orderBy('p.id', 'desc')
            .offset(size - 1)
            .limit(1)
            .executeTakeFirst();
          return [b.key, row ? Number(row.id) : null] as const;
        }),
    );
    return new Map(entries);
  }

  /**
   * A name still being typed, newest first. Nationally, common beginnings ("nguyen thi h") are found
   * among the newest rows; rare ones ("le hong v": one person in 5,000) would be a walk of the whole
   * table, so the window's density decides: walk further back, or ask the word-beginnings index,
   * which answers a rare combination in a few milliseconds and a common one slowly.
   */
  async function searchTyped(
    actor: Actor,
    filter: ParticipantFilter,
    keys: ReturnType<typeof scopeKeys>,
    term: ReturnType<typeof classifySearch>,
    name: string,
  ) {
    // A region's officer: each province reads only its own entries of the word-beginnings index
    // (after the province, migration 0019), a few milliseconds; each commune is walked whole.
    if (keys) return searchWith(actor, filter, keys, term, name, 'prefix', { kind: 'index' });
    const complete = (bounds: Map<string, number | null>, r: { found: number; wanted: number }) =>
      r.found >= r.wanted || [...bounds.values()].every((b) => b === null);
    const first = await boundsOf(actor, keys, window);
    const near = await searchWith(actor, filter, keys, term, name, 'prefix', {
      kind: 'window',
      bounds: first,
    });
    if (complete(first, near)) return near;
    const needed =
      near.found > 0 ? Math.ceil((near.wanted * window * 1.2) / near.found) : Number.POSITIVE_INFINITY;
    if (needed <= maxWalk) {
      const bounds = await boundsOf(actor, keys, needed);
      const further = await searchWith(actor, filter, keys, term, name, 'prefix', { kind: 'window', bounds });
      if (complete(bounds, further)) return further;
    }
    return searchWith(actor, filter, keys, term, name, 'prefix', { kind: 'index' });
  }

  return {
    visible,

    /**
     * Search by name (no diacritics, any part), personal ID or phone, newest first. At national
     * scale each branch of the caller's region runs on its own index (see scopeBranches) and the
     * branches are merged; the count stops at COUNT_CAP (NAME_COUNT_CAP for a name).
     */
    async search(actor: Actor, filter: ParticipantFilter) {
      const term = filter.search?.trim() ? classifySearch(filter.search) : null;
      const name = term?.kind === 'name' ? normalizeSearch(term.value) : '';
      const keys = scopeKeys(actor, SCOPE);
      if (keys && keys.length === 0) return { items: [], total: 0, capped: false };
      if (term?.kind === 'name' && !name) return { items: [], total: 0, capped: false };
      // A name is looked up by its whole words first (the word index, fast at any scale); when no name
      // has them all, as a name still being typed: where names begin with it ("nguyen van th", in its
      // order), else where each word typed begins a word, in any order; only then by a piece of a
      // word anywhere (the trigram index).
      const byWords = await searchWith(actor, filter, keys, term, name, 'words');
      if (term?.kind !== 'name' || byWords.total > 0) return byWords;
      const byBeginning = await searchWith(actor, filter, keys, term, name, 'begins');
      if (byBeginning.total > 0) return byBeginning;
      const byPrefix = await searchTyped(actor, filter, keys, term, name);
      if (byPrefix.total > 0) return byPrefix;
      return searchWith(actor, filter, keys, term, name, 'infix');
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

    /**
     * Ends an enrollment (retired, lump sum withdrawn, deceased) on `onDate`: no deadline any more,
     * and the move in its history.
     */
    async endEnrollment(
      tx: Tx,
      move: { id: number; from: string; to: string; onDate: string; reason: string; at: Date },
    ): Promise<void> {
      await tx
        .updateTable('vsi_enrollment')
        .set({ status: move.to, status_since: move.onDate, due_date: null, updated_at: move.at })
        .where('id', '=', move.id)
        .execute();
      await tx
        .insertInto('status_change')
        .values({
          enrollment_id: move.id,
          from_status: move.from,
          to_status: move.to,
          on_date: move.onDate,
          reason: move.reason,
          at: move.at,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    /** A commune that exists on `date` (not one merged away before), with its province. */
    communeOn(code: string, date: string) {
      return db
        .selectFrom('commune')
        .select(['code', 'province_code'])
        .where('code', '=', code)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
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
            'pay.fund_rate_entered',
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
