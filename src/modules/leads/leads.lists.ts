import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import { monthOfDate } from '../../domain/law/index.ts';
import { LIST_SOURCES, type ListSource, nearPensionBirthMonths } from '../../domain/leads/sources.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import type { CampaignsService } from '../campaigns/campaigns.service.ts';
import type { RulesService } from '../rules/rules.service.ts';
import { createLeadListsRepository, type ListContext } from './leads.lists.repository.ts';

/** People per chunk of a list: one transaction each, its cursor saved with it. */
const LIST_CHUNK = 2000;

/** The registry's built-in lists as leads of a campaign: their sizes, their generation and its progress. */
export function createLeadLists({
  db,
  clock,
  rules,
  campaigns,
  openCampaign,
}: {
  db: Db;
  clock: Clock;
  rules: RulesService;
  campaigns: CampaignsService;
  /** The campaign, refused when it has ended. */
  openCampaign: (id: number) => Promise<unknown>;
}) {
  const repo = createLeadListsRepository(db);

  async function listContext(): Promise<ListContext> {
    const today = vietnamDate(clock);
    const book = await rules.book();
    const month = monthOfDate(today);
    return {
      today,
      nearPension: {
        M: nearPensionBirthMonths(book, 'M', month),
        F: nearPensionBirthMonths(book, 'F', month),
      },
    };
  }

  /** A list's run for the caller's region today: one per campaign, source, region and day. */
  const jobKey = (actor: Actor, campaignId: number, source: ListSource) =>
    `leads:${campaignId}:${source}:${actor.national ? 'national' : actor.orgPath}`;

  /** How far today's run of a list has gone, for the progress bar while it runs. */
  async function progress(actor: Actor, campaignId: number, source: ListSource) {
    const run = await repo.run(jobKey(actor, campaignId, source), vietnamDate(clock));
    const processed = Number(run?.processed ?? 0);
    const added = Number(run?.changed ?? 0);
    return { processed, added, existing: processed - added, finished: !!run?.finished_at, started: !!run };
  }

  return {
    progress,

    /** Each built-in list for the caller's region: how many people it holds, how many are leads already. */
    async count(actor: Actor, campaignId: number) {
      await campaigns.get(campaignId);
      const ctx = await listContext();
      return Promise.all(
        LIST_SOURCES.map(async (source) => ({
          source,
          ...(await repo.count(actor, campaignId, source, ctx)),
        })),
      );
    },

    /**
     * Makes the people of a list leads of the campaign, chunk by chunk. Each chunk is one
     * transaction that also moves the run's cursor (job_run), taken under its row lock: a run cut
     * short resumes where it stopped, and two at once share the work. A finished run starts over.
     */
    async generate(actor: Actor, campaignId: number, source: ListSource) {
      await openCampaign(campaignId);
      const ctx = await listContext();
      const job = jobKey(actor, campaignId, source);
      const day = ctx.today;
      const started = await repo.startRun(job, day, clock.now());
      const resumed = !started;
      for (;;) {
        const more = await transact(db, auditContext(actor, clock), async (tx) => {
          const run = await repo.lockRun(tx, job, day);
          if (run.finished_at) return false;
          const chunk = await repo.addChunk(tx, actor, {
            campaignId,
            source,
            ctx,
            afterId: Number(run.cursor),
            limit: LIST_CHUNK,
            at: clock.now(),
          });
          await repo.updateRun(
            tx,
            job,
            day,
            chunk.processed === 0
              ? { finished_at: clock.now() }
              : {
                  cursor: chunk.lastId,
                  processed: Number(run.processed) + chunk.processed,
                  changed: Number(run.changed) + chunk.added,
                },
          );
          return chunk.processed > 0;
        });
        if (!more) break;
      }
      const done = await progress(actor, campaignId, source);
      return { ...done, resumed };
    },
  };
}
