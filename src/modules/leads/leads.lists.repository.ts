import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import { addDays } from '../../domain/law/index.ts';
import { HHI_RENEWAL_WINDOW, type ListSource, PURPOSE_OF_LIST } from '../../domain/leads/sources.ts';
import type { Actor } from '../access/access.actor.ts';
import { inScope } from '../access/access.scope.ts';

/** What the lists are drawn against: the day, and the birth months of those near their pension. */
export interface ListContext {
  today: string;
  nearPension: { M: { from: string; to: string } | null; F: { from: string; to: string } | null };
}

/** Still able to join, or to join again: never enrolled, or lapsed. Active payers are not leads. */
const NOT_PAYING = sql<SqlBool>`(e.id is null or e.status = 'lapsed')`;

/**
 * The lists' SQL. The registry's built-in lists as SQL over participants, in the caller's region and only people
 * who agreed to be contacted (and are alive): the lapsed (win-back), those reaching retirement age
 * within five years, household heads whose HI card runs out about now, and the poor and near-poor
 * (the largest state support) not paying yet. One lead per person and campaign, via its index.
 * And each list's run of the day in job_run: its cursor and counts.
 */
export function createLeadListsRepository(db: Db) {
  function candidates(q: Db | Tx, actor: Actor, source: ListSource, ctx: ListContext) {
    const base = q
      .selectFrom('participant as p')
      .innerJoin('org_unit as o', 'o.id', 'p.org_unit_id')
      .leftJoin('vsi_enrollment as e', 'e.participant_id', 'p.id')
      .where('p.contact_consent', '=', true)
      .where('p.deceased_on', 'is', null)
      .where(inScope(actor, { province: 'p.province_code', commune: 'p.commune_code' }));
    switch (source) {
      case 'list_lapsed':
        return base.where('e.status', '=', 'lapsed');
      case 'list_near_pension':
        return base.where(NOT_PAYING).where((eb) => {
          const ranges: Expression<SqlBool>[] = [];
          for (const sex of ['M', 'F'] as const) {
            const range = ctx.nearPension[sex];
            if (range)
              ranges.push(
                eb.and([
                  eb('p.sex', '=', sex),
                  eb('p.birth_date', '>=', `${range.from}-01`),
                  eb(
                    'p.birth_date',
                    '<',
                    sql<string>`(${`${range.to}-01`}::date + interval '1 month')::date`,
                  ),
                ]),
              );
          }
          return ranges.length ? eb.or(ranges) : sql<SqlBool>`false`;
        });
      case 'list_hhi_renewal':
        return base.where((eb) =>
          eb.exists(
            eb
              .selectFrom('household as h')
              .select(sql`1`.as('one'))
              .whereRef('h.head_person_id', '=', 'p.id')
              .where('h.due_date', '>=', addDays(ctx.today, HHI_RENEWAL_WINDOW.fromDays))
              .where('h.due_date', '<=', addDays(ctx.today, HHI_RENEWAL_WINDOW.toDays)),
          ),
        );
      case 'list_poor':
        return base.where(NOT_PAYING).where(sql<SqlBool>`p.categories && array['poor', 'near_poor']::text[]`);
    }
  }

  return {
    /** How many people a list holds for the caller, and how many of them are leads of the campaign already. */
    async count(actor: Actor, campaignId: number, source: ListSource, ctx: ListContext) {
      const row = await candidates(db, actor, source, ctx)
        .select([
          sql<number>`count(*)`.as('people'),
          sql<number>`count(*) filter (where exists (
            select 1 from lead l where l.campaign_id = ${campaignId} and l.participant_id = p.id))`.as(
            'already',
          ),
        ])
        .executeTakeFirstOrThrow();
      return { people: Number(row.people), already: Number(row.already) };
    },

    /**
     * The next `limit` people of a list after participant `afterId`, made leads of the campaign
     * (INSERT … SELECT; a person or phone already in the campaign is skipped by its unique index).
     */
    async addChunk(
      tx: Tx,
      actor: Actor,
      input: {
        campaignId: number;
        source: ListSource;
        ctx: ListContext;
        afterId: number;
        limit: number;
        at: Date;
      },
    ) {
      const walked = await candidates(tx, actor, input.source, input.ctx)
        .select('p.id')
        .where('p.id', '>', input.afterId)
        .orderBy('p.id')
        .limit(input.limit)
        .execute();
      if (walked.length === 0) return { lastId: input.afterId, processed: 0, added: 0 };
      const ids = walked.map((r) => Number(r.id));
      const inserted = await tx
        .insertInto('lead')
        .columns([
          'campaign_id',
          'source',
          'participant_id',
          'enrollment_id',
          'full_name',
          'name_search',
          'phone',
          'commune_code',
          'province_code',
          'channel',
          'consent',
          'purpose',
          'org_unit_id',
          'created_by',
          'created_at',
          'updated_at',
        ])
        .expression(
          candidates(tx, actor, input.source, input.ctx)
            .where('p.id', 'in', ids)
            .select([
              sql<number>`${input.campaignId}::bigint`.as('campaign_id'),
              sql<string>`${input.source}::text`.as('source'),
              'p.id',
              'e.id as enrollment_id',
              'p.full_name',
              'p.name_search',
              'p.phone',
              'p.commune_code',
              'p.province_code',
              // Worked as the unit holding the record works: the post office, or a visit at home.
              sql<string>`case when o.network = 'vnpost' then 'post_office' else 'door_to_door' end`.as(
                'channel',
              ),
              sql<boolean>`true`.as('consent'),
              sql<string>`${PURPOSE_OF_LIST[input.source]}::text`.as('purpose'),
              'p.org_unit_id',
              sql<number | null>`${actor.userId}::int`.as('created_by'),
              sql<Date>`${input.at}::timestamptz`.as('created_at'),
              sql<Date>`${input.at}::timestamptz`.as('updated_at'),
            ])
            .orderBy('p.id'),
        )
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .execute();
      return { lastId: ids[ids.length - 1]!, processed: ids.length, added: inserted.length };
    },

    /** A list's run of a day, if there was one. */
    run(job: string, day: string) {
      return db
        .selectFrom('job_run')
        .selectAll()
        .where('job', '=', job)
        .where('run_date', '=', day)
        .executeTakeFirst();
    },

    /**
     * Starts a list's run of a day, or starts a finished one over; undefined when a run of that day
     * is under way (or was cut short), to be resumed.
     */
    startRun(job: string, day: string, at: Date) {
      return db
        .insertInto('job_run')
        .values({ job, run_date: day, started_at: at })
        .onConflict((oc) =>
          oc
            .columns(['job', 'run_date'])
            .doUpdateSet({ cursor: 0, processed: 0, changed: 0, finished_at: null, started_at: at })
            .where('job_run.finished_at', 'is not', null),
        )
        .returning('cursor')
        .executeTakeFirst();
    },

    /** Locks a run's row until the transaction ends, and reads it. */
    lockRun(tx: Tx, job: string, day: string) {
      return tx
        .selectFrom('job_run')
        .selectAll()
        .where('job', '=', job)
        .where('run_date', '=', day)
        .forUpdate()
        .executeTakeFirstOrThrow();
    },

    /** Moves a run's cursor and counts, or marks it finished. */
    async updateRun(
      tx: Tx,
      job: string,
      day: string,
      values: { finished_at: Date } | { cursor: number; processed: number; changed: number },
    ): Promise<void> {
      await tx
        .updateTable('job_run')
        .set(values)
        .where('job', '=', job)
        .where('run_date', '=', day)
        .execute();
    },
  };
}

export type LeadListsRepository = ReturnType<typeof createLeadListsRepository>;
