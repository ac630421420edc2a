import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import { createJobRunsRepository } from '../system/system.repository.ts';

/** The daily retention job's SQL: its run in job_run, and the judgement of a chunk of enrollments. */
export function createLeadJobsRepository(db: Db) {
  return {
    ...createJobRunsRepository(db),
    /**
     * Judges on `date` the next `limit` campaign enrollments after `afterId` (of one campaign, if
     * given) not judged yet: a row of enrollment_retention for each a month past the first
     * anniversary of its first payment. Returns the last enrollment walked and the counts.
     */
    async judgeChunk(
      tx: Tx,
      input: { date: string; afterId: number; campaignId: number | null; limit: number },
    ) {
      const { date, afterId, campaignId, limit } = input;
      const { rows } = await sql<{
        last_id: number | null;
        walked: number;
        evaluated: number;
        retained: number;
      }>`
      with batch as (
        select e.id, e.campaign_id, e.org_unit_id, coalesce(e.agent_user_id, 0) as agent_user_id, e.channel
        from vsi_enrollment e
        where e.id > ${afterId} and e.campaign_id is not null
          ${campaignId === null ? sql`` : sql`and e.campaign_id = ${campaignId}`}
          -- A first payment is made on or after the day of enrolling: younger enrollments cannot be due.
          and vn_day(e.created_at) <= (${date}::date - interval '13 months')::date
          and not exists (select 1 from enrollment_retention r where r.enrollment_id = e.id)
        order by e.id limit ${limit}),
      due as (
        select b.*, f.paid_on, f.covered_from
        from batch b
        cross join lateral (
          select q.paid_on, q.covered_from from payment q
          where q.enrollment_id = b.id and q.voided_at is null order by q.id limit 1) f
        where (f.paid_on + interval '13 months')::date <= ${date}::date),
      judged as (
        insert into enrollment_retention (enrollment_id, campaign_id, org_unit_id, agent_user_id, channel,
                                          first_paid_on, retained, evaluated_on)
        select d.id, d.campaign_id, d.org_unit_id, d.agent_user_id, d.channel, d.paid_on,
               exists (select 1 from payment q
                       where q.enrollment_id = d.id and q.voided_at is null
                         and q.covered_to >= (d.covered_from + interval '12 months')::date
                         and q.paid_on <= (d.paid_on + interval '13 months')::date),
               ${date}::date
        from due d
        on conflict (enrollment_id) do nothing
        returning retained)
      select (select max(id) from batch) as last_id, (select count(*) from batch)::int as walked,
             (select count(*) from judged)::int as evaluated,
             (select count(*) from judged where retained)::int as retained`.execute(tx);
      return rows[0]!;
    },
  };
}
