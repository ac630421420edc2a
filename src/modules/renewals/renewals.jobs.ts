import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import { addDays } from '../../domain/law/index.ts';
import { type PeriodicMode, type Status, statusOn } from '../../domain/registry/periods.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import { auditContext, SYSTEM_ACTOR } from '../access/access.actor.ts';
import type { LeadJobs } from '../leads/leads.jobs.ts';
import { month } from '../participants/participants.repository.ts';
import type { RulesService } from '../rules/rules.service.ts';
import { createRenewalJobsRepository, type StatusMove } from './renewals.jobs.repository.ts';
import type { ReminderOutbox } from './renewals.reminders.ts';
import { createRenewalsRepository } from './renewals.repository.ts';

const CHUNK = 5000;
export const REMINDER_OFFSETS = [15, 7, 0] as const;

/**
 * The daily job. It moves statuses at the deadlines (active → due → lapsed), then queues and sends
 * reminders. It works in chunks, records its cursor after each one in the same transaction, and
 * can be run twice or resumed after a crash without doing anything twice.
 */
export function createRenewalJobs({
  db,
  clock,
  rules,
  outbox,
  retention,
}: {
  db: Db;
  clock: Clock;
  rules: RulesService;
  /** Prices, queues and sends the reminders. */
  outbox: Pick<ReminderOutbox, 'priceEnrollment' | 'priceHousehold' | 'queue' | 'deliver'>;
  /** The funnel's 12-month retention (leads module), judged after the statuses move. */
  retention?: Pick<LeadJobs, 'retention'>;
}) {
  const repo = createRenewalsRepository(db);
  const runs = createRenewalJobsRepository(db);

  /**
   * Brings statuses and deadlines up to date on `date`. The daily run looks only at enrollments
   * whose covered months ran out or whose deadline passed; `all` re-derives every one (after a bulk
   * load of history, or a change to the deadline rules).
   */
  async function moveStatuses(
    date: string,
    onProgress?: (processed: number) => void,
    scope: 'deadlines' | 'all' = 'deadlines',
  ) {
    const job = scope === 'all' ? 'status-all' : 'status';
    const run = await runs.startRun(job, date, clock.now());
    if (run.finished_at)
      return {
        processed: Number(run.processed),
        changed: Number(run.changed),
        resumed: false,
        alreadyDone: true,
      };
    const book = await rules.book();
    let cursor = Number(run.cursor);
    let processed = Number(run.processed);
    let changed = Number(run.changed);
    for (;;) {
      // Only enrollments whose covered months ran out or whose deadline passed can change.
      const rows = await runs.enrollmentsToMove({ date, afterId: cursor, scope, limit: CHUNK });
      if (rows.length === 0) break;
      const changes = rows.flatMap((r): StatusMove[] => {
        const next = statusOn(
          book,
          {
            mode: r.payment_mode as PeriodicMode,
            startMonth: month(r.start_month)!,
            paidThrough: month(r.paid_through),
            status: r.status as Status,
          },
          date,
        );
        return next.status === r.status
          ? []
          : [
              {
                id: Number(r.id),
                from: r.status,
                to: next.status,
                due: next.dueDate,
                paidThrough: r.paid_through === null ? null : String(r.paid_through).slice(0, 10),
              },
            ];
      });
      const last = Number(rows[rows.length - 1]!.id);
      await transact(db, auditContext({ ...SYSTEM_ACTOR, username: 'job:status' }, clock), async (tx) => {
        if (changes.length > 0) {
          // Only rows still as they were read: a payment taken meanwhile moved them on, and this
          // job must not put them back to due or lapsed with the old deadline.
          const done = await runs.moveEnrollments(tx, changes, { date, at: clock.now() });
          const moved = changes.filter((c) => c.from !== c.to && done.has(c.id));
          if (moved.length > 0)
            await runs.insertStatusChanges(
              tx,
              moved.map((c) => ({
                enrollment_id: c.id,
                from_status: c.from,
                to_status: c.to,
                on_date: date,
                reason: c.to === 'lapsed' ? 'Quá hạn nộp: dừng đóng' : 'Đến kỳ đóng',
                at: clock.now(),
              })),
            );
        }
        await runs.advanceRun(tx, job, date, {
          cursor: last,
          processed: processed + rows.length,
          changed: changed + changes.length,
        });
      });
      cursor = last;
      processed += rows.length;
      changed += changes.length;
      onProgress?.(processed);
    }
    await runs.finishRun(job, date, clock.now());
    return { processed, changed, resumed: Number(run.cursor) > 0, alreadyDone: false };
  }

  /**
   * Queues one reminder per person and period, for those who consented, when their deadline is 15,
   * 7 or 0 days away, on the transport's preferred channel: VSI payers, and the head of each
   * household whose health insurance is up for renewal. Then hands the queue to the transport. A
   * unique index makes it once only per period, however often this runs, and whatever an agent
   * already sent by hand.
   */
  async function queueReminders(date: string) {
    const book = await rules.book();
    const windows = REMINDER_OFFSETS.map((d) => addDays(date, d));
    let queued = 0;
    for (const e of await repo.enrollmentsDueOn(windows)) {
      const priced = outbox.priceEnrollment(book, e, date);
      if (!priced.ok) continue;
      const id = await outbox.queue({
        product: 'vsi',
        participantId: Number(e.participant_id),
        of: { enrollmentId: Number(e.id), householdId: null },
        name: e.full_name,
        period: priced.period,
        amount: priced.amount,
        dueDate: e.due_date!,
        unit: e.unit_name,
      });
      if (id !== null) queued++;
    }
    for (const h of await repo.householdsDueOn(windows)) {
      const priced = await outbox.priceHousehold(h, date);
      if (!priced) continue; // nobody left to pay for: nothing to remind
      const id = await outbox.queue({
        product: 'hhi',
        participantId: Number(h.head_person_id),
        of: { enrollmentId: null, householdId: Number(h.id) },
        name: h.full_name,
        period: priced.period,
        amount: priced.amount,
        dueDate: h.due_date!,
        unit: h.unit_name,
      });
      if (id !== null) queued++;
    }
    return { queued, ...(await outbox.deliver()) };
  }

  return {
    moveStatuses,
    queueReminders,
    /** Sends whatever is queued (the daily job does after queueing). */
    deliver: () => outbox.deliver(),
    /** Moves statuses nationwide: never for a day that has not come (it would lapse people early). */
    async runDaily(date: string, onProgress?: (processed: number) => void) {
      const today = vietnamDate(clock);
      if (date > today) throw new AppError('job.future_date', { date, today }, 'date');
      const statuses = await moveStatuses(date, onProgress);
      const reminders = await queueReminders(date);
      const retained = (await retention?.retention(date)) ?? null;
      return { date, statuses, reminders, retention: retained };
    },
  };
}

export type RenewalJobs = ReturnType<typeof createRenewalJobs>;
