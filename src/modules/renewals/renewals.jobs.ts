import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import {
  addDays,
  calculate,
  formatDateVi,
  formatMonthVi,
  formatVnd,
  type VsiQuoteResult,
} from '../../domain/law/index.ts';
import { nextUnpaidMonth, type PeriodicMode, type Status, statusOn } from '../../domain/registry/periods.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditContext, SYSTEM_ACTOR } from '../access/access.actor.ts';
import { month, monthDate } from '../participants/participants.repository.ts';
import type { RulesService } from '../rules/rules.service.ts';
import type { ReminderTransport } from './renewals.transport.ts';

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
  transport,
  publicUrl,
}: {
  db: Db;
  clock: Clock;
  rules: RulesService;
  transport: ReminderTransport;
  publicUrl: string;
}) {
  async function begin(job: string, date: string) {
    await db
      .insertInto('job_run')
      .values({ job, run_date: date, started_at: clock.now() })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return db
      .selectFrom('job_run')
      .selectAll()
      .where('job', '=', job)
      .where('run_date', '=', date)
      .executeTakeFirstOrThrow();
  }

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
    const run = await begin(job, date);
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
    const monthStart = `${date.slice(0, 7)}-01`;
    for (;;) {
      // Only enrollments whose covered months ran out or whose deadline passed can change.
      const rows = await db
        .selectFrom('vsi_enrollment')
        .select(['id', 'payment_mode', 'start_month', 'paid_through', 'status', 'due_date'])
        .where('id', '>', cursor)
        .where((eb) =>
          scope === 'all'
            ? eb('status', 'not in', ['retired', 'lump_sum_withdrawn', 'deceased'])
            : eb.or([
                eb.and([eb('status', 'in', ['active', 'reactivated']), eb('paid_through', '<', monthStart)]),
                eb.and([eb('status', 'in', ['due', 'awaiting_first_payment']), eb('due_date', '<', date)]),
              ]),
        )
        .orderBy('id')
        .limit(CHUNK)
        .execute();
      if (rows.length === 0) break;
      const changes = rows.flatMap((r) => {
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
          : [{ id: Number(r.id), from: r.status, to: next.status, due: next.dueDate }];
      });
      const last = Number(rows[rows.length - 1]!.id);
      await transact(db, auditContext({ ...SYSTEM_ACTOR, username: 'job:status' }, clock), async (tx) => {
        if (changes.length > 0) {
          await sql`update vsi_enrollment e set status = c.to_status,
                      status_since = case when e.status = c.to_status then e.status_since else ${date}::date end,
                      due_date = c.due::date, updated_at = ${clock.now()}
                    from unnest(${changes.map((c) => c.id)}::bigint[], ${changes.map((c) => c.to)}::text[],
                                ${changes.map((c) => c.due)}::text[]) as c(id, to_status, due)
                    where e.id = c.id`.execute(tx);
          const moved = changes.filter((c) => c.from !== c.to);
          if (moved.length > 0)
            await tx
              .insertInto('status_change')
              .values(
                moved.map((c) => ({
                  enrollment_id: c.id,
                  from_status: c.from,
                  to_status: c.to,
                  on_date: date,
                  reason: c.to === 'lapsed' ? 'Quá hạn nộp: dừng đóng' : 'Đến kỳ đóng',
                  at: clock.now(),
                })),
              )
              .onConflict((oc) => oc.doNothing())
              .execute();
        }
        await tx
          .updateTable('job_run')
          .set({ cursor: last, processed: processed + rows.length, changed: changed + changes.length })
          .where('job', '=', job)
          .where('run_date', '=', date)
          .execute();
      });
      cursor = last;
      processed += rows.length;
      changed += changes.length;
      onProgress?.(processed);
    }
    await db
      .updateTable('job_run')
      .set({ finished_at: clock.now() })
      .where('job', '=', job)
      .where('run_date', '=', date)
      .execute();
    return { processed, changed, resumed: Number(run.cursor) > 0, alreadyDone: false };
  }

  /**
   * Queues one reminder per person and period, for those who consented, when their deadline is 15,
   * 7 or 0 days away; then hands the queue to the transport. The unique index makes it once only.
   */
  async function queueReminders(date: string) {
    const book = await rules.book();
    const windows = REMINDER_OFFSETS.map((d) => addDays(date, d));
    const due = await db
      .selectFrom('vsi_enrollment as e')
      .innerJoin('participant as p', 'p.id', 'e.participant_id')
      .innerJoin('org_unit as o', 'o.id', 'e.org_unit_id')
      .select([
        'e.id',
        'e.participant_id',
        'e.payment_mode',
        'e.start_month',
        'e.paid_through',
        'e.status',
        'e.due_date',
        'e.monthly_income',
        'e.supported_months_used',
        'p.full_name',
        'p.phone',
        'p.categories',
        'p.province_code',
        'o.name as unit_name',
      ])
      .where('p.contact_consent', '=', true)
      .where('p.phone', 'is not', null)
      .where('e.status', 'in', ['active', 'due', 'reactivated', 'awaiting_first_payment'])
      .where('e.due_date', 'in', windows)
      .execute();
    let queued = 0;
    for (const e of due) {
      const period = nextUnpaidMonth({
        startMonth: month(e.start_month)!,
        paidThrough: month(e.paid_through),
      });
      const outcome = calculate(
        'vsi-quote',
        {
          paymentDate: date,
          monthlyIncome: Number(e.monthly_income),
          mode: e.payment_mode,
          categories: e.categories.length ? e.categories : ['other'],
          provinceCode: e.province_code,
          supportedMonthsUsed: e.supported_months_used,
        },
        { book, today: date },
      );
      if (!outcome.ok) continue;
      const amount = (outcome.result as VsiQuoteResult).total;
      for (const channel of ['sms', 'zalo'] as const) {
        const token = randomBytes(12).toString('base64url');
        const link = `${publicUrl}/api/v1/pay/${token}`;
        const body = template(channel, {
          name: e.full_name,
          month: formatMonthVi(period),
          amount: formatVnd(amount),
          dueDate: formatDateVi(e.due_date!),
          unit: e.unit_name,
          link,
        });
        const inserted = await db
          .insertInto('reminder')
          .values({
            participant_id: e.participant_id,
            enrollment_id: e.id,
            household_id: null,
            channel,
            period_month: monthDate(period),
            due_date: e.due_date!,
            amount,
            body,
            token,
            status: 'queued',
            created_at: clock.now(),
          })
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .execute();
        queued += inserted.length;
      }
    }
    return { queued, ...(await deliver()) };
  }

  /** Sends whatever is queued; a failure is kept with its error and retried next time. */
  async function deliver() {
    const queued = await db
      .selectFrom('reminder')
      .selectAll()
      .where('status', '=', 'queued')
      .orderBy('id')
      .limit(10_000)
      .execute();
    let sent = 0;
    let failed = 0;
    for (const reminder of queued) {
      try {
        await transport.send(reminder);
        await db
          .updateTable('reminder')
          .set({ status: 'sent', sent_at: clock.now(), error: null })
          .where('id', '=', reminder.id)
          .execute();
        sent++;
      } catch (error) {
        await db
          .updateTable('reminder')
          .set({ error: (error as Error).message })
          .where('id', '=', reminder.id)
          .execute();
        failed++;
      }
    }
    return { sent, failed };
  }

  return {
    moveStatuses,
    queueReminders,
    deliver,
    async runDaily(date: string, onProgress?: (processed: number) => void) {
      const statuses = await moveStatuses(date, onProgress);
      const reminders = await queueReminders(date);
      return { date, statuses, reminders };
    },
  };
}

const TEMPLATES = {
  sms: 'BHXH: Kinh gui {name}, ky dong BHXH tu nguyen tu thang {month}: {amount}, han nop {dueDate}. Dong tai {unit} hoac quet QR: {link}. Tong dai 1900 9068.',
  zalo: 'Kính gửi {name},\nKỳ đóng BHXH tự nguyện từ tháng {month} của anh/chị là {amount}, hạn nộp {dueDate}.\nAnh/chị có thể đóng tại {unit} hoặc quét mã VietQR tại: {link}\nĐóng đều đặn để giữ quyền lương hưu và được Nhà nước hỗ trợ. Hỏi đáp: 1900 9068.',
};

/** SMS go out without diacritics: a Vietnamese text with them costs three times as many messages. */
export function template(channel: 'sms' | 'zalo', values: Record<string, string>): string {
  const text = TEMPLATES[channel].replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  return channel === 'sms' ? stripDiacritics(text) : text;
}

function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

export type RenewalJobs = ReturnType<typeof createRenewalJobs>;
