import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, personalIdFor } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';
import { decodeVietQr } from './receipts.vietqr.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-03-02T08:00:00+07:00');
let app: App;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let session: Session;
let householdId: number;
let total: number;

const member = (
  fullName: string,
  birthDate: string,
  sex: 'M' | 'F',
  extra: Record<string, unknown> = {},
) => ({
  personalId: personalIdFor({ birthDate, sex, province: '040' }),
  fullName,
  birthDate,
  sex,
  ...extra,
});

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  agent = await buildAgent(t.db, { province: '40' });
  session = await login(app, agent.username, agent.password);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/households',
    headers: session.headers,
    payload: {
      communeCode: agent.communes[0],
      address: 'Xóm 3',
      paymentMonths: 12,
      members: [
        member('Hồ Văn Tâm', '1970-02-01', 'M', { phone: '0912345678' }),
        member('Lê Thị Hạnh', '1972-05-05', 'F'),
      ],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  householdId = created.json().id;
  total = created.json().nextPayment.total;
  await t.db.updateTable('participant').set({ contact_consent: true }).execute();
  const paid = await app.inject({
    method: 'POST',
    url: `/api/v1/households/${householdId}/payments`,
    headers: session.headers,
    payload: { method: 'cash', amount: total },
  });
  expect(paid.json()).toMatchObject({ paidThrough: '2027-02' });
});
afterAll(() => app.close());

describe("a household reminder's payment link", () => {
  let token: string;

  it('asks for the household renewal, with the household reference in the transfer', async () => {
    // Fifteen days before the household's deadline of 28/02/2027; sessions do not last that long.
    clock.set('2027-02-13T08:00:00+07:00');
    session = await login(app, agent.username, agent.password);
    await app.services.jobs.queueReminders('2027-02-13');
    const reminder = await t.db
      .selectFrom('reminder')
      .selectAll()
      .where('household_id', '=', householdId)
      .executeTakeFirstOrThrow();
    token = reminder.token;
    const page = await app.inject({ method: 'GET', url: `/api/v1/pay/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Gia hạn BHYT hộ gia đình</h1>');
    expect(page.body).toContain(`BHYTHGD HGD${householdId} 202703`);
    expect(page.body).not.toContain('DKnull');
    const view = (await app.services.receipts.payPage(token))!;
    expect(view.paid).toBe(false);
    expect(decodeVietQr(view.view.qrPayload)).toMatchObject({
      amount: Number(reminder.amount),
      purpose: `BHYTHGD HGD${householdId} 202703`,
    });
  });

  it("says the period is paid once the household's paid-through reaches it", async () => {
    const detail = await app.inject({
      method: 'GET',
      url: `/api/v1/households/${householdId}`,
      headers: session.headers,
    });
    const renewed = await app.inject({
      method: 'POST',
      url: `/api/v1/households/${householdId}/payments`,
      headers: session.headers,
      payload: { method: 'cash', amount: detail.json().nextPayment.total },
    });
    expect(renewed.json()).toMatchObject({ paidThrough: '2028-02' });
    const page = await app.inject({ method: 'GET', url: `/api/v1/pay/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Kỳ này đã được đóng');
  });
});
