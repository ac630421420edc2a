import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, enrollBody, personalIdFor } from '../../../test/factories.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createServices, type Services } from '../../server/services.ts';
import type { Actor } from '../access/access.actor.ts';
import type { ReminderTransport } from './renewals.transport.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-03-02T08:00:00+07:00');
const delivered: string[] = [];
let failing = false;
const transport: ReminderTransport = {
  name: 'memory',
  channels: ['sms', 'zalo'],
  async send(reminder) {
    if (failing) throw new Error('nhà mạng không phản hồi');
    delivered.push(
      `${reminder.channel}:${reminder.participant_id}:${String(reminder.period_month).slice(0, 7)}`,
    );
  },
};
let services: Services;
let actor: Actor;
let consenting: number;
let silent: number;

async function enroll(overrides: Record<string, unknown> & { communeCode: string }) {
  const body = enrollBody({ categories: ['other'], ...overrides });
  const { participant } = await services.participants.enroll(actor, body as never);
  return Number(participant.id);
}

beforeAll(async () => {
  services = createServices({ db: t.db, clock, transport, publicUrl: 'https://diemtua.example' });
  const agent = await buildAgent(t.db, { province: '52' });
  actor = (await services.access.actorForUsername(agent.username))!;
  consenting = await enroll({ communeCode: agent.communes[0]!, contactConsent: true, fullName: 'Y Hoa Niê' });
  silent = await enroll({ communeCode: agent.communes[0]!, contactConsent: false });
  for (const id of [consenting, silent]) {
    await services.payments.pay(actor, id, { mode: 'monthly', method: 'cash', amount: 264_000 });
  }
});

const statusOf = async (participantId: number) =>
  (
    await t.db
      .selectFrom('vsi_enrollment')
      .select('status')
      .where('participant_id', '=', participantId)
      .executeTakeFirstOrThrow()
  ).status;

describe('the worklist', () => {
  it('puts a person whose deadline is 15 days away in the 15-day bucket, with the amount to collect', async () => {
    clock.set('2026-04-15T08:00:00+07:00');
    const list = await services.renewals.worklist(actor, { limit: 50, offset: 0 });
    const row = list.items.find((r) => r.participantId === consenting);
    expect(row).toMatchObject({
      product: 'vsi',
      bucket: 'due_15',
      dueDate: '2026-04-30',
      nextMonth: '2026-04',
      amount: 264_000,
    });
    expect(list.counts.due_15).toBe(2);
  });
});

describe('reminders', () => {
  it('reach only people who consented, once per period, through the transport', async () => {
    clock.set('2026-04-15T08:00:00+07:00');
    const first = await services.jobs.queueReminders('2026-04-15');
    // One reminder a period, on the transport's first channel: not an SMS and a Zalo message both.
    expect(first).toMatchObject({ queued: 1, sent: 1, failed: 0 });
    expect(delivered).toEqual([`sms:${consenting}:2026-04`]);

    const sms = await t.db
      .selectFrom('reminder')
      .selectAll()
      .where('channel', '=', 'sms')
      .executeTakeFirstOrThrow();
    expect(sms.body).toBe(
      `BHXH: Kinh gui Y Hoa Nie, ky dong BHXH tu nguyen tu thang 04/2026: 264.000 d, han nop 30/04/2026. Dong tai ${stripped((await t.db.selectFrom('org_unit').select('name').where('id', '=', actor.orgUnitId!).executeTakeFirstOrThrow()).name)} hoac quet QR: https://diemtua.example/api/v1/pay/${sms.token}. Tong dai 1900 9068.`,
    );
    expect(await services.jobs.queueReminders('2026-04-15')).toMatchObject({ queued: 0, sent: 0 });
    // Seven days before the same deadline: the period was already reminded.
    expect(await services.jobs.queueReminders('2026-04-23')).toMatchObject({ queued: 0 });
    expect(delivered).toHaveLength(1);
  });

  it('retries a failed send a few times, then keeps it as failed with the error', async () => {
    const [reminder] = await t.db.selectFrom('reminder').select(['id', 'participant_id']).execute();
    await t.db
      .updateTable('reminder')
      .set({ status: 'queued', attempts: 0 })
      .where('id', '=', reminder!.id)
      .execute();
    failing = true;
    try {
      for (let run = 1; run <= 5; run++)
        expect(await services.jobs.deliver()).toEqual({ sent: 0, failed: 1 });
      expect(await services.jobs.deliver()).toEqual({ sent: 0, failed: 0 });
      expect(
        await t.db
          .selectFrom('reminder')
          .select(['status', 'attempts', 'error'])
          .where('id', '=', reminder!.id)
          .executeTakeFirstOrThrow(),
      ).toEqual({ status: 'failed', attempts: 5, error: 'nhà mạng không phản hồi' });
    } finally {
      failing = false;
    }
  });

  it('reminds the head of a household whose health insurance is up for renewal', async () => {
    clock.set('2026-04-15T08:00:00+07:00');
    const agent = await buildAgent(t.db, { province: '52' });
    const own = (await services.access.actorForUsername(agent.username))!;
    const head = {
      personalId: personalIdFor({ birthDate: '1975-02-02', sex: 'M', province: '052' }),
      fullName: 'Rơ Châm Hiu',
      birthDate: '1975-02-02',
      sex: 'M' as const,
      phone: '0905123456',
      contactConsent: true,
    };
    const household = await services.households.create(own, {
      communeCode: agent.communes[0]!,
      paymentMonths: 3,
      members: [head],
    } as never);
    const row = await t.db
      .selectFrom('household')
      .selectAll()
      .where('id', '=', household.id)
      .executeTakeFirstOrThrow();
    const priced = await services.households.quoteFor(row, {});
    await services.households.pay(own, household.id, { method: 'cash', amount: priced.quote.total });
    // Paid April–June: the card runs out on 30 June; reminded 15 days before.
    clock.set('2026-06-15T08:00:00+07:00');
    const result = await services.jobs.queueReminders('2026-06-15');
    expect(result.queued).toBeGreaterThanOrEqual(1);
    const sms = await t.db
      .selectFrom('reminder')
      .selectAll()
      .where('household_id', '=', household.id)
      .executeTakeFirstOrThrow();
    const renewal = await services.households.quoteFor({ ...row, paid_through: '2026-06-01' }, {});
    expect(sms).toMatchObject({ channel: 'sms', amount: renewal.quote.total, status: 'sent' });
    expect(sms.body).toMatch(/^BHXH: Kinh gui Ro Cham Hiu, BHYT ho gia dinh can gia han tu thang 07\/2026/);
  });
});

describe('the daily status job', () => {
  it('moves a paid-up person to due when the covered months end, then to lapsed after the deadline', async () => {
    const april = await services.jobs.moveStatuses('2026-04-01');
    expect(april.changed).toBe(2);
    expect(await statusOf(consenting)).toBe('due');
    const may = await services.jobs.moveStatuses('2026-05-01');
    expect(may.changed).toBe(2);
    expect(await statusOf(consenting)).toBe('lapsed');
    const changes = await t.db
      .selectFrom('status_change as s')
      .innerJoin('vsi_enrollment as e', 'e.id', 's.enrollment_id')
      .select(['s.from_status', 's.to_status', 's.on_date'])
      .where('e.participant_id', '=', consenting)
      .orderBy('s.id')
      .execute();
    expect(changes.map((c) => `${c.from_status ?? '∅'}→${c.to_status}@${c.on_date}`)).toEqual([
      '∅→awaiting_first_payment@2026-03-02',
      'awaiting_first_payment→active@2026-03-02',
      'active→due@2026-04-01',
      'due→lapsed@2026-05-01',
    ]);
  });

  it('is safe to run twice on one day', async () => {
    const again = await services.jobs.moveStatuses('2026-05-01');
    expect(again).toMatchObject({ alreadyDone: true });
    const rerun = await services.jobs.moveStatuses('2026-05-02');
    expect(rerun.changed).toBe(0);
  });

  it('resumes from its cursor after an interruption, without redoing finished chunks', async () => {
    const date = '2026-09-01';
    clock.set('2026-06-01T08:00:00+07:00');
    const late = [];
    for (let i = 0; i < 4; i++) {
      const id = await enroll({
        communeCode: (
          await t.db
            .selectFrom('participant')
            .select('commune_code')
            .where('id', '=', consenting)
            .executeTakeFirstOrThrow()
        ).commune_code,
        startMonth: '2026-06',
      });
      await services.payments.pay(actor, id, { mode: 'monthly', method: 'cash', amount: 264_000 });
      late.push(id);
    }
    const enrollments = await t.db
      .selectFrom('vsi_enrollment')
      .select('id')
      .where('participant_id', 'in', late)
      .orderBy('id')
      .execute();
    // A run that died after its first chunk: the cursor stands after the first two enrollments.
    await t.db
      .insertInto('job_run')
      .values({
        job: 'status',
        run_date: date,
        started_at: clock.now(),
        cursor: Number(enrollments[1]!.id),
        processed: 2,
        changed: 0,
      })
      .execute();
    const resumed = await services.jobs.moveStatuses(date);
    expect(resumed.resumed).toBe(true);
    const statuses = await Promise.all(late.map(statusOf));
    expect(statuses).toEqual(['active', 'active', 'lapsed', 'lapsed']);
  });
});

function stripped(text: string) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

describe('the worklist buckets', () => {
  it('count what their lists hold, and a lapsed payer who pays moves on to the next period', async () => {
    // Someone of their own: paid for March 2026 only, so lapsed by mid-June.
    clock.set('2026-03-02T08:00:00+07:00');
    const agent = await buildAgent(t.db, { province: '52' });
    const own = (await services.access.actorForUsername(agent.username))!;
    const late = Number(
      (
        await services.participants.enroll(
          own,
          enrollBody({ communeCode: agent.communes[0]!, categories: ['other'] }) as never,
        )
      ).participant.id,
    );
    await services.payments.pay(own, late, { mode: 'monthly', method: 'cash', amount: 264_000 });
    clock.set('2026-06-15T08:00:00+07:00');
    const counts = async () => (await services.renewals.worklist(own, { limit: 1, offset: 0 })).counts;
    const before = await counts();
    for (const bucket of ['due_0', 'due_7', 'due_15', 'overdue', 'lapsed', 'upcoming'] as const) {
      const list = await services.renewals.worklist(own, { bucket, limit: 100, offset: 0 });
      expect(list.total, bucket).toBe(before[bucket]);
      expect(
        list.items.every((item) => item.bucket === bucket),
        bucket,
      ).toBe(true);
    }
    expect(before.lapsed).toBeGreaterThanOrEqual(1);
    const priced = await services.payments.price(own, late, { mode: 'monthly' });
    await services.payments.pay(own, late, { mode: 'monthly', method: 'cash', amount: priced.quote.total });
    const after = await counts();
    expect(after.lapsed).toBe(before.lapsed - 1);
    expect(after.upcoming).toBe(before.upcoming + 1);
  });
});

describe('household rows on the worklist', () => {
  it('are due until the card runs out, overdue for 30 days after, then lapsed', async () => {
    clock.set('2026-03-02T08:00:00+07:00');
    const agent = await buildAgent(t.db, { province: '52' });
    const own = (await services.access.actorForUsername(agent.username))!;
    const household = await services.households.create(own, {
      communeCode: agent.communes[0]!,
      paymentMonths: 3,
      members: [
        {
          personalId: personalIdFor({ birthDate: '1980-07-07', sex: 'F', province: '052' }),
          fullName: 'Ksor H’Bia',
          birthDate: '1980-07-07',
          sex: 'F',
        },
      ],
    } as never);
    const row = await t.db
      .selectFrom('household')
      .selectAll()
      .where('id', '=', household.id)
      .executeTakeFirstOrThrow();
    const priced = await services.households.quoteFor(row, {});
    await services.households.pay(own, household.id, { method: 'cash', amount: priced.quote.total });

    // Paid March–May: the card runs out on 31 May.
    const onDay = async (iso: string, bucket?: 'lapsed') => {
      clock.set(iso);
      const list = await services.renewals.worklist(own, { bucket, limit: 100, offset: 0 });
      const item = list.items.find((i) => i.product === 'hhi' && i.id === household.id);
      return item && { status: item.status, bucket: item.bucket, dueDate: item.dueDate };
    };
    expect(await onDay('2026-05-20T08:00:00+07:00')).toEqual({
      status: 'due',
      bucket: 'due_15',
      dueDate: '2026-05-31',
    });
    expect(await onDay('2026-06-10T08:00:00+07:00')).toEqual({
      status: 'overdue',
      bucket: 'overdue',
      dueDate: '2026-05-31',
    });
    expect(await onDay('2026-07-15T08:00:00+07:00', 'lapsed')).toEqual({
      status: 'lapsed',
      bucket: 'lapsed',
      dueDate: '2026-05-31',
    });
  });
});

describe('a reminder sent by hand', () => {
  it('goes at once, alone; when the carrier is down it waits in the queue with its error for the next run', async () => {
    clock.set('2026-08-20T08:00:00+07:00');
    const agent = await buildAgent(t.db, { province: '52' });
    const own = (await services.access.actorForUsername(agent.username))!;
    const enrollNow = async (fullName: string) =>
      Number(
        (
          await services.participants.enroll(
            own,
            enrollBody({
              communeCode: agent.communes[0]!,
              categories: ['other'],
              startMonth: '2026-08',
              fullName,
            }) as never,
          )
        ).participant.id,
      );
    const first = await enrollNow('Y Thu Ktla');
    const second = await enrollNow('Y Nam Ktla');
    // Something else waits in the queue: sending one person theirs now does not send it.
    const waiting = await services.reminders.queue({
      product: 'vsi',
      participantId: second,
      of: {
        enrollmentId: Number(
          (
            await t.db
              .selectFrom('vsi_enrollment')
              .select('id')
              .where('participant_id', '=', second)
              .executeTakeFirstOrThrow()
          ).id,
        ),
        householdId: null,
      },
      name: 'Y Nam Ktla',
      period: '2026-08',
      amount: 1,
      dueDate: '2026-08-31',
      unit: 'Bưu cục',
    });
    const before = delivered.length;
    failing = true;
    try {
      const down = await services.reminders.remindParticipant(own, first);
      expect(down).toMatchObject({
        status: 'queued',
        attempts: 1,
        error: 'nhà mạng không phản hồi',
        sentAt: null,
        requestedBy: { id: own.userId, fullName: own.fullName },
      });
    } finally {
      failing = false;
    }
    const statusOfReminder = async (id: number | null) =>
      (await t.db.selectFrom('reminder').select('status').where('id', '=', id!).executeTakeFirstOrThrow())
        .status;
    expect(await statusOfReminder(waiting)).toBe('queued');
    expect(delivered).toHaveLength(before);

    // The next run sends both.
    expect(await services.jobs.deliver()).toEqual({ sent: 2, failed: 0 });
    expect(delivered.slice(before).sort()).toEqual([`sms:${first}:2026-08`, `sms:${second}:2026-08`].sort());
  });
});
