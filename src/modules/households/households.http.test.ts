import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, enrollBody, personalIdFor } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
let app: App;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let session: Session;

beforeAll(async () => {
  app = await buildApp(t.db);
  agent = await buildAgent(t.db, { province: '40' });
  session = await login(app, agent.username, agent.password);
});
afterAll(() => app.close());

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

describe('household health insurance', () => {
  let householdId: number;

  it("creates a household whose members pay 100%, 70%, 60% of the first member's amount", async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: session.headers,
      payload: {
        communeCode: agent.communes[0],
        address: 'Xóm 3',
        paymentMonths: 12,
        members: [
          member('Hồ Văn Tâm', '1970-02-01', 'M'),
          member('Lê Thị Hạnh', '1972-05-05', 'F'),
          member('Hồ Thị Mai', '2001-09-09', 'F'),
          member('Hồ Văn Hưu', '1945-01-01', 'M', { otherSource: true }),
        ],
      },
    });
    expect(response.statusCode).toBe(201);
    const h = response.json();
    householdId = h.id;
    expect(
      h.members.map((m: { nextOrder: number | null; nextMonthly: number | null }) => [
        m.nextOrder,
        m.nextMonthly,
      ]),
    ).toEqual([
      [1, 105_300],
      [2, 73_710],
      [3, 63_180],
      [null, null],
    ]);
    expect(h.nextPayment).toMatchObject({
      months: 12,
      monthlyTotal: 242_190,
      total: 2_906_280,
      from: '2026-03',
      to: '2027-02',
    });
  });

  it('takes the payment with a receipt and moves the paid-through month', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: `/api/v1/households/${householdId}/payments`,
      headers: session.headers,
      payload: { method: 'cash', amount: 2_900_000 },
    });
    expect(wrong.statusCode).toBe(409);
    const paid = await app.inject({
      method: 'POST',
      url: `/api/v1/households/${householdId}/payments`,
      headers: session.headers,
      payload: { method: 'cash', amount: 2_906_280 },
    });
    expect(paid.statusCode).toBe(201);
    expect(paid.json()).toMatchObject({
      amount: 2_906_280,
      paidThrough: '2027-02',
      period: { from: '2026-03', to: '2027-02', months: 12 },
    });
    const receipt = await app.inject({
      method: 'GET',
      url: `/api/v1/receipts/${paid.json().receipt.number}`,
      headers: session.headers,
    });
    expect(receipt.json().household.members).toHaveLength(3);
    // The next renewal, a year on, with its VietQR code naming the household, not a person.
    expect(receipt.json().nextDue).toMatchObject({
      month: '2027-03',
      dueDate: '2027-02-28',
      amount: 2_906_280,
    });
    expect(receipt.json().nextDue.qrPayload).toMatch(new RegExp(`BHYTHGD HGD${householdId} 202703`));
  });

  it('re-orders the discount from the next period when a member leaves', async () => {
    const detail = (
      await app.inject({ method: 'GET', url: `/api/v1/households/${householdId}`, headers: session.headers })
    ).json();
    const second = detail.members.find((m: { fullName: string }) => m.fullName === 'Lê Thị Hạnh');
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/v1/households/${householdId}/members/${second.id}`,
      headers: session.headers,
    });
    expect(removed.statusCode).toBe(200);
    const after = removed.json();
    expect(after.members.find((m: { id: number }) => m.id === second.id).toMonth).toBe('2027-02');
    expect(after.nextPayment).toMatchObject({ from: '2027-03', monthlyTotal: 105_300 + 73_710 });
    expect(after.members.find((m: { fullName: string }) => m.fullName === 'Hồ Thị Mai').nextOrder).toBe(2);
  });

  it('adds a member from the next period, and refuses someone already in another household', async () => {
    const added = await app.inject({
      method: 'POST',
      url: `/api/v1/households/${householdId}/members`,
      headers: session.headers,
      payload: member('Hồ Văn Nam', '2005-03-03', 'M'),
    });
    expect(added.statusCode).toBe(201);
    const newcomer = added.json().members.find((m: { fullName: string }) => m.fullName === 'Hồ Văn Nam');
    expect(newcomer).toMatchObject({ fromMonth: '2027-03', nextOrder: 3, nextMonthly: 63_180 });

    const head = added.json().members[0];
    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: session.headers,
      payload: {
        communeCode: agent.communes[0],
        paymentMonths: 6,
        members: [
          {
            personalId: (
              await t.db
                .selectFrom('participant')
                .select('personal_id')
                .where('id', '=', head.personId)
                .executeTakeFirstOrThrow()
            ).personal_id,
            fullName: 'Hồ Văn Tâm',
            birthDate: '1970-02-01',
            sex: 'M',
          },
        ],
      },
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('household.member_elsewhere');
  });
});

describe('a household member who then joins voluntary SI', () => {
  it('enrolls on the record the household already holds, with no second person', async () => {
    const person = member('Trần Văn Lực', '1980-04-04', 'M');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: session.headers,
      payload: { communeCode: agent.communes[0], address: 'Xóm 5', paymentMonths: 12, members: [person] },
    });
    expect(created.statusCode).toBe(201);
    const personId = created.json().members[0].personId as number;

    const enroll = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/participants',
        headers,
        payload: enrollBody({ ...person, communeCode: agent.communes[0]!, categories: ['other'] }),
      });
    const enrolled = await enroll(session.headers);
    expect(enrolled.statusCode).toBe(201);
    expect(enrolled.json().id).toBe(personId);
    expect(enrolled.json().enrollment).toMatchObject({ status: 'awaiting_first_payment' });
    const people = await t.db
      .selectFrom('participant')
      .select('id')
      .where('personal_id', '=', person.personalId)
      .execute();
    expect(people).toHaveLength(1);

    // Now enrolled: the same ID again is the duplicate it is.
    const again = await enroll(session.headers);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('participant.duplicate_id');
  });
});

describe('region scope on households', () => {
  it('hides every household of another province, its members and its payments', async () => {
    const khue = member('Phan Văn Khuê', '1977-07-07', 'M');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: session.headers,
      payload: {
        communeCode: agent.communes[0],
        paymentMonths: 3,
        members: [khue, member('Võ Thị Lan', '1979-08-08', 'F')],
      },
    });
    expect(created.statusCode).toBe(201);
    const h = created.json();
    const other = await buildAgent(t.db, { province: '79' });
    const outsider = await login(app, other.username, other.password);
    const attempts = await Promise.all([
      app.inject({ method: 'GET', url: `/api/v1/households/${h.id}`, headers: outsider.headers }),
      app.inject({
        method: 'POST',
        url: `/api/v1/households/${h.id}/members`,
        headers: outsider.headers,
        payload: member('Người Lạ', '1990-01-01', 'M'),
      }),
      app.inject({
        method: 'DELETE',
        url: `/api/v1/households/${h.id}/members/${h.members[1].id}`,
        headers: outsider.headers,
      }),
      app.inject({
        method: 'POST',
        url: `/api/v1/households/${h.id}/payments`,
        headers: outsider.headers,
        payload: { method: 'cash', amount: h.nextPayment.total },
      }),
    ]);
    expect(attempts.map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/households?search=Phan',
      headers: outsider.headers,
    });
    expect(list.json().total).toBe(0);

    // Nor can the other province pull this household's member into a household of its own.
    const pulled = await app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: outsider.headers,
      payload: {
        communeCode: other.communes[0],
        paymentMonths: 3,
        members: [khue],
      },
    });
    expect(pulled.statusCode).toBe(409);
    expect(pulled.json().error.code).toBe('participant.duplicate_id');
    expect(pulled.json().error.message).not.toContain('Phan Văn Khuê');
  });
});

describe('a household not yet paid', () => {
  it('is on the worklist for its first period, due by the end of the month', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: session.headers,
      payload: {
        communeCode: agent.communes[0],
        paymentMonths: 6,
        members: [member('Đinh Văn Mới', '1988-03-03', 'M')],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().dueDate).toBe('2026-03-31');
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/worklist?bucket=upcoming&limit=100',
      headers: session.headers,
    });
    const row = list
      .json()
      .items.find((w: { product: string; id: number }) => w.product === 'hhi' && w.id === created.json().id);
    expect(row).toMatchObject({
      dueDate: '2026-03-31',
      bucket: 'upcoming',
      amount: created.json().nextPayment.total,
    });
    // Registered at a post point: its member counts under the post-office channel.
    const stats = await t.db
      .selectFrom('stat_commune_day')
      .select(['channel'])
      .where('product', '=', 'hhi')
      .where('commune_code', '=', agent.communes[0]!)
      .where('day', '=', '2026-03-02')
      .execute();
    expect(stats.map((s) => s.channel)).toEqual(['post_office']);
  });
});
