import type { Db } from '../../db/database.ts';
import { type Tx, transact } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditContext, SYSTEM_ACTOR } from '../access/access.actor.ts';
import { createLeadJobsRepository } from './leads.jobs.repository.ts';

const CHUNK = 5000;
const JOB = 'retention';

export interface RetentionRun {
  /** Campaign enrollments looked at. */
  processed: number;
  /** Of those, judged today (a month past the first anniversary of their first payment). */
  evaluated: number;
  retained: number;
  resumed: boolean;
  alreadyDone: boolean;
}

/**
 * The funnel's last step, daily: each campaign enrollment is judged once, a month after the first
 * anniversary of its first payment (the month is the grace to pay the 13th month). Retained means
 * payments made by then cover the 13th month from the first one's start. The judgement is a row of
 * enrollment_retention, inserted once (its key), whose trigger counts stat_funnel.retained_12m; so
 * running the job twice, or resuming it after a crash, never counts anyone twice. A void after the
 * judgement does not reopen it: the year was judged as it stood.
 */
export function createLeadJobs({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createLeadJobsRepository(db);
  const context = () => auditContext({ ...SYSTEM_ACTOR, username: 'job:retention' }, clock);

  /** Judges the next campaign enrollments after `afterId`, optionally of one campaign. */
  async function judgeChunk(tx: Tx, date: string, afterId: number, campaignId: number | null) {
    const r = await repo.judgeChunk(tx, { date, afterId, campaignId, limit: CHUNK });
    return {
      lastId: r.last_id === null ? afterId : Number(r.last_id),
      walked: r.walked,
      evaluated: r.evaluated,
      retained: r.retained,
    };
  }

  return {
    /**
     * The daily run on `date`, chunk by chunk with its cursor in job_run (same transaction as the
     * chunk's judgements), resumable after a crash; a day already done is not walked again.
     */
    async retention(date: string, onProgress?: (processed: number) => void): Promise<RetentionRun> {
      const run = await repo.startRun(JOB, date, clock.now());
      const counts = { processed: Number(run.processed), evaluated: Number(run.changed), retained: 0 };
      if (run.finished_at) return { ...counts, resumed: false, alreadyDone: true };
      let cursor = Number(run.cursor);
      for (;;) {
        const chunk = await transact(db, context(), async (tx) => {
          const judged = await judgeChunk(tx, date, cursor, null);
          if (judged.walked > 0) {
            await repo.advanceRun(tx, JOB, date, {
              cursor: judged.lastId,
              processed: counts.processed + judged.walked,
              changed: counts.evaluated + judged.evaluated,
            });
          }
          return judged;
        });
        if (chunk.walked === 0) break;
        cursor = chunk.lastId;
        counts.processed += chunk.walked;
        counts.evaluated += chunk.evaluated;
        counts.retained += chunk.retained;
        onProgress?.(counts.processed);
      }
      await repo.finishRun(JOB, date, clock.now());
      return { ...counts, resumed: Number(run.cursor) > 0, alreadyDone: false };
    },

    /** One campaign's enrollments judged on `date`, without the daily bookkeeping (after a bulk load). */
    async retentionOf(campaignId: number, date: string) {
      let cursor = 0;
      const counts = { evaluated: 0, retained: 0 };
      for (;;) {
        const chunk = await transact(db, context(), (tx) => judgeChunk(tx, date, cursor, campaignId));
        if (chunk.walked === 0) return counts;
        cursor = chunk.lastId;
        counts.evaluated += chunk.evaluated;
        counts.retained += chunk.retained;
      }
    },
  };
}

export type LeadJobs = ReturnType<typeof createLeadJobs>;
