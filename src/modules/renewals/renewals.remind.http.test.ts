import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildUser, enrollBody, personalIdFor } from '../../../test/factories.ts';
import { buildApp, centralOfficer, login, type Session } from '../../../test/http.ts';
import { formatVnd } from '../../domain/law/index.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
// Mid-March: everyone below starts paying in March 2026, due by the 31st.
const clock = fixedClock('2026-03-16T06:00:00+07:00');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diemtua-remind-'));
let app: App;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let session: Session;
let manager: Session;
let managerId: number;
const people = {} as Record<'hoa' | 'silent' | 'mute' | 'annual' | 'retired' | 'south', number>;

interface Reminder {
  id: number;
  product: 'vsi' | 'hhi';
  householdId: number | null;
  channel: string;
  period: string;
  dueDate: string;
  amount: number;
  body: string;
  status: string;
  sentAt: string | null;
  participant: { id: number; fullName: string; maskedId: string };
  requestedBy: { id: number; fullName: string } | null;
}

async function enroll(as: Session, body: ReturnType<typeof enrollBody>) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/participants',
    headers: as.headers,
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as number;
}

const remind = (as: Session | null, id: number, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/participants/${id}/reminders`,
    headers: { ...(as?.headers ?? {}), ...headers },
  });

const logged = () =>
  fs
    .readFileSync(path.join(dataDir, 'reminders.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { at: string; participantId: number; period: string; body: string });

beforeAll(async () => {
  app = await buildApp(t.db, { clock, dataDir });
  agent = await buildAgent(t.db, { province: '01' });
  session = await login(app, agent.username, agent.password);
  const boss = await buildUser(t.db, { role: 'post_office_manager', orgUnitId: agent.office.id });
  manager = await login(app, boss.username, boss.password);
  managerId = boss.id;
  const commune = agent.communes[0]!;
  const person = (fullName: string, extra: Record<string, unknown> = {}) =>
    enrollBody({ communeCode: commune, fullName, categories: ['other'], monthlyIncome: 3_000_000, ...extra });

  people.hoa = await enroll(session, person('Nguyễn Thị Hoa'));
  people.silent = await enroll(session, person('Đỗ Văn Im', { contactConsent: false }));
  people.mute = await enroll(session, person('Phạm Văn Câm', { phone: null }));
  // Paying yearly, the first year is due by the end of September: too far off to remind.
  people.annual = await enroll(session, person('Vũ Thị Năm', { paymentMode: 'annual' }));
  people.retired = await enroll(session, person('Lý Văn Hưu'));
  const ended = await app.inject({
    method: 'POST',
    url: `/api/v1/participants/${people.retired}/end`,
    headers: manager.headers,
    payload: { status: 'retired', onDate: '2026-03-10' },
  });
  expect(ended.statusCode, ended.body).toBe(200);

  const south = await buildAgent(t.db, { province: '79' });
  people.south = await enroll(
    await login(app, south.username, south.password),
    enrollBody({
      communeCode: south.communes[0]!,
      personalId: personalIdFor({ birthDate: '1985-06-15', sex: 'F', province: '079' }),
    }),
  );
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('POST /participants/{id}/reminders: "Nhắc đóng ngay"', () => {
  it('401 without a login', async () => {
    expect((await remind(null, people.hoa)).statusCode).toBe(401);
  });

  it('403 for a viewer, in Vietnamese', async () => {
    const viewer = await buildUser(t.db, { role: 'viewer', province: '01' });
    const response = await remind(await login(app, viewer.username, viewer.password), people.hoa);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('Vai trò viewer không được phép thu tiền.');
  });

  it("404 for another province's person, as if they did not exist", async () => {
    const response = await remind(session, people.south);
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({
      code: 'participant.not_found',
      message: `Không tìm thấy người tham gia ${people.south}, hoặc người này nằm ngoài địa bàn của bạn.`,
    });
  });

  it('409 for a person who did not agree to be contacted, saying what to do', async () => {
    const response = await remind(session, people.silent);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'reminder.no_consent',
      message:
        'Đỗ Văn Im chưa đồng ý nhận tin nhắc đóng, nên không gửi được (Nghị định 13/2023 về bảo vệ dữ liệu cá nhân). Hãy hỏi ý kiến người này và ghi nhận đồng ý trong hồ sơ trước.',
    });
  });

  it('409 for a person with no phone, an ended enrollment, or a deadline months away', async () => {
    const mute = await remind(session, people.mute);
    expect(mute.statusCode).toBe(409);
    expect(mute.json().error.code).toBe('reminder.no_phone');
    expect(mute.json().error.message).toContain('Phạm Văn Câm');

    const retired = await remind(session, people.retired);
    expect(retired.statusCode).toBe(409);
    expect(retired.json().error.code).toBe('reminder.ended');

    const annual = await remind(session, people.annual);
    expect(annual.statusCode).toBe(409);
    expect(annual.json().error).toMatchObject({
      code: 'reminder.not_due_yet',
      message:
        'Kỳ đóng tới của Vũ Thị Năm có hạn nộp 30/09/2026, còn hơn 62 ngày: chưa đến lúc nhắc. Hệ thống tự nhắc khi còn 15, 7 và 0 ngày.',
    });
    expect(await t.db.selectFrom('reminder').select('id').execute()).toEqual([]);
  });

  it('sends the reminder now: the amount the worklist shows, the deadline, the pay link, through the transport', async () => {
    const response = await remind(session, people.hoa);
    expect(response.statusCode, response.body).toBe(201);
    const reminder = response.json() as Reminder;
    const worklist = (
      await app.inject({ method: 'GET', url: '/api/v1/worklist', headers: session.headers })
    ).json() as { items: { participantId: number; amount: number; contactConsent: boolean }[] };
    const row = worklist.items.find((w) => w.participantId === people.hoa)!;
    expect(row.contactConsent).toBe(true);
    expect(reminder.amount).toBeGreaterThan(0);
    expect(reminder).toMatchObject({
      product: 'vsi',
      householdId: null,
      channel: 'sms',
      period: '2026-03',
      dueDate: '2026-03-31',
      amount: row.amount,
      status: 'sent',
      sentAt: '2026-03-15T23:00:00.000Z',
      participant: { id: people.hoa, fullName: 'Nguyễn Thị Hoa' },
      requestedBy: { id: agent.id },
    });
    // The daily job's words, without diacritics as an SMS goes out.
    expect(reminder.body).toMatch(/^BHXH: Kinh gui Nguyen Thi Hoa, ky dong BHXH tu nguyen tu thang 03\/2026/);
    expect(reminder.body).toContain(`: ${formatVnd(row.amount).replace('đ', 'd')}, han nop 31/03/2026.`);
    // The link opens the public pay page with the amount.
    const link = /quet QR: http:\/\/localhost:3000(\/api\/v1\/pay\/[\w-]{16})\./.exec(reminder.body)?.[1];
    const page = await app.inject({ method: 'GET', url: link! });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(formatVnd(row.amount));

    const stored = await t.db
      .selectFrom('reminder')
      .selectAll()
      .where('participant_id', '=', people.hoa)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, requested_by_user_id: agent.id });
    expect(Number(stored.id)).toBe(reminder.id);
    // The default transport keeps it in the outbox and appends it to DATA_DIR/reminders.log.
    expect(logged()).toEqual([
      {
        at: '2026-03-15T23:00:00.000Z',
        channel: 'sms',
        participantId: people.hoa,
        period: '2026-03',
        body: reminder.body,
      },
    ]);

    // The outbox shows who sent it by hand.
    const outbox = await app.inject({ method: 'GET', url: '/api/v1/reminders', headers: manager.headers });
    expect(outbox.json().items[0]).toMatchObject({ id: reminder.id, requestedBy: { id: agent.id } });
  });

  it('409 the second time in the same period, saying when it was sent; the daily job does not send it again', async () => {
    const again = await remind(manager, people.hoa);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'reminder.already_sent',
      message:
        'Đã nhắc Nguyễn Thị Hoa đóng kỳ từ tháng 03/2026 lúc 06:00 16/03/2026. Mỗi kỳ chỉ gửi một tin nhắc; xem tin đã gửi ở màn hình Nhắc đóng.',
    });
    const daily = await app.inject({
      method: 'POST',
      url: '/api/v1/jobs/daily',
      headers: (await centralOfficer(app, t.db)).headers,
      payload: { date: '2026-03-16' },
    });
    expect(daily.statusCode, daily.body).toBe(200);
    // Fifteen days before the deadline the job reminds those not reminded yet: of all the people
    // here only the one in Hồ Chí Minh City (the silent one refused, the mute one has no phone, the
    // yearly one is due in September, the retired one owes nothing).
    expect(daily.json().reminders).toMatchObject({ queued: 1, sent: 1 });
    expect(logged().map((line) => line.participantId)).toEqual([people.hoa, people.south]);
  });

  it('answers a retry with the same Idempotency-Key as the first time, sending nothing more', async () => {
    const other = await enroll(
      session,
      enrollBody({ communeCode: agent.communes[0]!, fullName: 'Trần Văn Lại' }),
    );
    const key = { 'idempotency-key': 'remind-once-0001' };
    const first = await remind(session, other, key);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await remind(session, other, key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    expect(logged().filter((line) => line.participantId === other)).toHaveLength(1);
  });

  it('sends again, by hand, a reminder that failed every try: the same row and link, by whoever asked', async () => {
    const person = await enroll(
      session,
      enrollBody({ communeCode: agent.communes[0]!, fullName: 'Hà Văn Lỗi', phone: '0912000111' }),
    );
    const first = (await remind(session, person)).json() as Reminder;
    // The carrier refused it five times (the number was mistyped), so it is kept as failed.
    await t.db
      .updateTable('reminder')
      .set({
        status: 'failed',
        attempts: 5,
        error: 'Nhà mạng từ chối: số thuê bao không tồn tại',
        sent_at: null,
      })
      .where('id', '=', first.id)
      .execute();
    const before = logged().length;
    const resend = (as: Session | null, id: number) =>
      app.inject({ method: 'POST', url: `/api/v1/reminders/${id}/resend`, headers: as?.headers ?? {} });

    expect((await resend(null, first.id)).statusCode).toBe(401);
    const missing = await resend(manager, 999_999);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe(
      'Không tìm thấy tin nhắc đóng số 999999 trong địa bàn của bạn.',
    );

    const again = await resend(manager, first.id);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      id: first.id,
      status: 'sent',
      body: first.body,
      amount: first.amount,
      requestedBy: { id: managerId },
    });
    const stored = await t.db
      .selectFrom('reminder')
      .select(['status', 'attempts', 'error'])
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'sent', attempts: 1, error: null });
    expect(logged().slice(before)).toEqual([
      expect.objectContaining({ participantId: person, body: first.body }),
    ]);
    expect(
      await t.db.selectFrom('reminder').select('id').where('participant_id', '=', person).execute(),
    ).toHaveLength(1);

    // Sent now: neither a resend nor "Nhắc đóng ngay" sends it a third time.
    const twice = await resend(manager, first.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('reminder.not_failed');
    expect((await remind(session, person)).json().error.code).toBe('reminder.already_sent');
    expect(logged().length).toBe(before + 1);
  });

  it('sends a failed reminder again from "Nhắc đóng ngay" too, and not after the person stopped agreeing', async () => {
    const person = await enroll(
      session,
      enrollBody({ communeCode: agent.communes[0]!, fullName: 'Đinh Thị Rút' }),
    );
    const first = (await remind(session, person)).json() as Reminder;
    await t.db
      .updateTable('reminder')
      .set({ status: 'failed', attempts: 5 })
      .where('id', '=', first.id)
      .execute();
    const withdrawn = await app.inject({
      method: 'PATCH',
      url: `/api/v1/participants/${person}`,
      headers: session.headers,
      payload: { contactConsent: false },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/reminders/${first.id}/resend`,
      headers: session.headers,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('reminder.no_consent');

    await app.inject({
      method: 'PATCH',
      url: `/api/v1/participants/${person}`,
      headers: session.headers,
      payload: { contactConsent: true },
    });
    const again = await remind(session, person);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ id: first.id, status: 'sent' });
  });

  it('409 once the deadline has passed: a lapsed person needs a call, not a reminder', async () => {
    const late = await enroll(
      session,
      enrollBody({ communeCode: agent.communes[0]!, fullName: 'Mai Văn Trễ' }),
    );
    clock.set('2026-04-02T08:00:00+07:00');
    try {
      const response = await remind(await login(app, agent.username, agent.password), late);
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'reminder.overdue',
        message:
          'Hạn nộp của Mai Văn Trễ đã qua (31/03/2026). Tin nhắc đóng chỉ gửi trước hạn nộp; người đã quá hạn hoặc dừng đóng cần được gọi điện hay gặp trực tiếp để vận động đóng tiếp.',
      });
    } finally {
      clock.set('2026-03-16T06:00:00+07:00');
    }
  });
});

describe('POST /households/{id}/reminders', () => {
  it("reminds the household's head of the renewal, once, if they agreed to be contacted", async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: session.headers,
      payload: {
        communeCode: agent.communes[0],
        paymentMonths: 12,
        members: [
          {
            personalId: personalIdFor({ birthDate: '1970-02-01', sex: 'M' }),
            fullName: 'Hồ Văn Tâm',
            birthDate: '1970-02-01',
            sex: 'M',
            phone: '0987654321',
          },
          {
            personalId: personalIdFor({ birthDate: '1972-05-05', sex: 'F' }),
            fullName: 'Lê Thị Hạnh',
            birthDate: '1972-05-05',
            sex: 'F',
          },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const household = created.json() as { id: number; head: { id: number } };
    const url = `/api/v1/households/${household.id}/reminders`;

    const silent = await app.inject({ method: 'POST', url, headers: session.headers });
    expect(silent.statusCode).toBe(409);
    expect(silent.json().error.code).toBe('reminder.no_consent');

    const consent = await app.inject({
      method: 'PATCH',
      url: `/api/v1/participants/${household.head.id}`,
      headers: session.headers,
      payload: { contactConsent: true },
    });
    expect(consent.statusCode, consent.body).toBe(200);
    const sent = await app.inject({ method: 'POST', url, headers: session.headers });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({
      product: 'hhi',
      householdId: household.id,
      period: '2026-03',
      dueDate: '2026-03-31',
      status: 'sent',
      participant: { id: household.head.id, fullName: 'Hồ Văn Tâm' },
    });
    expect(sent.json().amount).toBeGreaterThan(0);
    expect(sent.json().body).toMatch(
      /^BHXH: Kinh gui Ho Van Tam, BHYT ho gia dinh can gia han tu thang 03\/2026/,
    );

    const again = await app.inject({ method: 'POST', url, headers: session.headers });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('reminder.already_sent');

    const south = await buildUser(t.db, { role: 'provincial_officer', province: '79' });
    const outside = await app.inject({
      method: 'POST',
      url,
      headers: (await login(app, south.username, south.password)).headers,
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('household.not_found');
  });
});
