import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, enrollBody } from '../../../test/factories.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createServices, type Services } from '../../server/services.ts';
import type { Actor } from '../access/access.actor.ts';
import type { ReminderTransport } from './renewals.transport.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-03-02T08:00:00+07:00');
const delivered: string[] = [];
const transport: ReminderTransport = {
  name: 'memory',
  async send(reminder) {
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
    expect(first).toMatchObject({ queued: 2, sent: 2, failed: 0 });
    expect(delivered.sort()).toEqual([`sms:${consenting}:2026-04`, `zalo:${consenting}:2026-04`]);

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
    expect(delivered).toHaveLength(2);
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
