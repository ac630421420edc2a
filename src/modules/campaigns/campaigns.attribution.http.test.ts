import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildCampaign, buildEvent, enrollBody, personalIdFor } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
let app: App;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let session: Session;
let march: { id: number; name: string };
let earlier: { id: number; name: string };
let marchEvent: { id: number; title: string };
let earlierEvent: { id: number; title: string };

beforeAll(async () => {
  app = await buildApp(t.db);
  agent = await buildAgent(t.db, { province: '01' });
  session = await login(app, agent.username, agent.password);
  // Under way on the test day (2026-03-02), and one that ended last year.
  march = await buildCampaign(t.db, { name: 'Tháng vận động 2026' });
  earlier = await buildCampaign(t.db, {
    name: 'Tháng vận động 2025',
    startsOn: '2025-03-01',
    endsOn: '2025-03-31',
  });
  marchEvent = await buildEvent(t.db, { campaignId: march.id, orgUnitId: agent.point.id, province: '01' });
  earlierEvent = await buildEvent(t.db, {
    campaignId: earlier.id,
    orgUnitId: agent.point.id,
    province: '01',
    title: 'Hội nghị năm trước',
  });
});
afterAll(() => app.close());

const post = (url: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, headers: session.headers, payload });
const enroll = (extra: Record<string, unknown>) =>
  post('/participants', enrollBody({ communeCode: agent.communes[0]!, categories: ['other'], ...extra }));
const countOf = async (table: 'participant' | 'household' | 'payment') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the campaign and event named on an enrollment', () => {
  it('400 for a campaign that does not exist, writing nothing', async () => {
    const before = await countOf('participant');
    const response = await enroll({ campaignId: 987_654 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'campaign.unknown',
      field: 'campaignId',
      message:
        'Không có chiến dịch mã 987654. Chọn một chiến dịch có trong danh sách, hoặc bỏ trống campaignId để tính cho chiến dịch đang diễn ra.',
    });
    expect(await countOf('participant')).toBe(before);
  });

  it('400 for an event that does not exist', async () => {
    const response = await enroll({ eventId: 987_654 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'campaign.unknown_event', field: 'eventId' });
  });

  it('400 for an event of another campaign than the one counted', async () => {
    const response = await enroll({ eventId: earlierEvent.id });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'campaign.event_not_in_campaign',
      field: 'eventId',
      message: `Sự kiện “Hội nghị năm trước” thuộc chiến dịch “Tháng vận động 2025” (mã ${earlier.id}), không thuộc chiến dịch được tính (${march.id}). Gửi campaignId ${earlier.id}, hoặc bỏ trống eventId.`,
    });
    const named = await enroll({ campaignId: march.id, eventId: earlierEvent.id });
    expect(named.statusCode).toBe(400);
  });

  it("records an event of the campaign under way, and an earlier campaign's event with that campaign", async () => {
    const ongoing = await enroll({ eventId: marchEvent.id });
    expect(ongoing.statusCode, ongoing.body).toBe(201);
    expect(ongoing.json().enrollment).toMatchObject({ campaignId: march.id, eventId: marchEvent.id });
    const earlierOne = await enroll({ campaignId: earlier.id, eventId: earlierEvent.id });
    expect(earlierOne.statusCode, earlierOne.body).toBe(201);
    expect(earlierOne.json().enrollment).toMatchObject({ campaignId: earlier.id, eventId: earlierEvent.id });
  });
});

describe('the campaign and event named on a household', () => {
  const household = (extra: Record<string, unknown>) =>
    post('/households', {
      communeCode: agent.communes[0],
      paymentMonths: 12,
      members: [
        {
          personalId: personalIdFor({ birthDate: '1970-02-01', sex: 'M' }),
          fullName: 'Hồ Văn Tâm',
          birthDate: '1970-02-01',
          sex: 'M',
        },
      ],
      ...extra,
    });

  it('400 for a campaign that does not exist or an event of another campaign, writing nothing', async () => {
    const before = await countOf('household');
    const unknown = await household({ campaignId: 987_654 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('campaign.unknown');
    const foreign = await household({ eventId: earlierEvent.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('campaign.event_not_in_campaign');
    expect(await countOf('household')).toBe(before);
    expect((await household({ eventId: marchEvent.id })).statusCode).toBe(201);
  });
});

describe('the campaign and event named on a payment', () => {
  it('400 for a campaign that does not exist or an event of another campaign, writing nothing', async () => {
    const person = (await enroll({})).json();
    const before = await countOf('payment');
    const amount = (await post(`/participants/${person.id}/payment-quote`, { mode: 'monthly' })).json().quote
      .total;
    const pay = (extra: Record<string, unknown>) =>
      post(`/participants/${person.id}/payments`, { mode: 'monthly', method: 'cash', amount, ...extra });
    const unknown = await pay({ campaignId: 987_654 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('campaign.unknown');
    const foreign = await pay({ eventId: earlierEvent.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('campaign.event_not_in_campaign');
    expect(await countOf('payment')).toBe(before);
    const paid = await pay({ eventId: marchEvent.id });
    expect(paid.statusCode, paid.body).toBe(201);
  });
});
