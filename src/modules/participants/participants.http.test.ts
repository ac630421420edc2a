import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildUser, enrollBody, personalIdFor } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
let app: App;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let session: Session;
let otherAgent: Session;

beforeAll(async () => {
  app = await buildApp(t.db);
  agent = await buildAgent(t.db, { province: '01' });
  session = await login(app, agent.username, agent.password);
  const other = await buildAgent(t.db, { province: '79' });
  otherAgent = await login(app, other.username, other.password);
});
afterAll(() => app.close());

const enroll = (s: Session | null, body: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/participants',
    headers: { ...(s?.headers ?? {}), ...headers },
    payload: body as object,
  });

describe('enrolling a person', () => {
  it('401 without a login', async () => {
    expect((await enroll(null, {})).statusCode).toBe(401);
  });

  it('400 naming every missing field in Vietnamese', async () => {
    const response = await enroll(session, { personalId: '123' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('"personalId" không đúng định dạng');
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['fullName', 'birthDate', 'communeCode', 'monthlyIncome']),
    );
  });

  it('creates the record and the enrollment, and quotes the first payment', async () => {
    const body = enrollBody({ communeCode: agent.communes[0]! });
    const response = await enroll(session, body);
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      personalId: body.personalId,
      fullName: 'Nguyễn Thị Hoa',
      commune: { code: agent.communes[0] },
      province: { code: '01' },
      categories: ['near_poor'],
      contactConsent: true,
      enrollment: {
        status: 'awaiting_first_payment',
        paymentMode: 'monthly',
        startMonth: '2026-03',
        dueDate: '2026-03-31',
        paidThrough: null,
      },
    });
    // Near-poor in 2026 in Hà Nội: 330,000 − 132,000 state − 198,000 local (60%) = 0.
    expect(created.firstPayment).toMatchObject({
      grossMonthly: 330_000,
      stateSupportMonthly: 132_000,
      total: 0,
    });
  });

  it('refuses a personal ID that does not match the birth date or sex', async () => {
    const response = await enroll(
      session,
      enrollBody({
        communeCode: agent.communes[0]!,
        sex: 'M',
        personalId: personalIdFor({ birthDate: '1985-06-15', sex: 'F' }),
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('participant.invalid_personal_id');
    expect(response.json().error.message).toMatch(/^Số định danh cá nhân không hợp lệ: .*giới tính/);
  });

  it('refuses a 14-year-old', async () => {
    const response = await enroll(
      session,
      enrollBody({ communeCode: agent.communes[0]!, birthDate: '2012-01-10' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe(
      'Chưa đủ điều kiện tham gia BHXH tự nguyện: người tham gia phải đủ 15 tuổi',
    );
  });

  it('requires the declarations, saying exactly what to send', async () => {
    const { declarations: _, ...body } = enrollBody({ communeCode: agent.communes[0]! });
    const response = await enroll(session, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'request.invalid',
      field: 'declarations',
      message:
        'Dữ liệu gửi lên không hợp lệ: Thiếu trường bắt buộc "declarations". Đây là lời khai của người tham gia: không đang tham gia BHXH bắt buộc (notCompulsory) và không đang hưởng lương hưu hay trợ cấp BHXH hằng tháng (noPension). Hãy gửi, ví dụ: "declarations": {"notCompulsory":true,"noPension":true}.',
    });
    const half = await enroll(session, { ...body, declarations: { notCompulsory: true } });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.message).toContain(
      'Thiếu trường bắt buộc "declarations.noPension". Đây là không đang hưởng lương hưu hay trợ cấp BHXH hằng tháng. Hãy gửi, ví dụ: "noPension": true.',
    );
  });

  it('refuses a person who does not declare they are outside compulsory SI and draw no pension', async () => {
    const response = await enroll(
      session,
      enrollBody({
        communeCode: agent.communes[0]!,
        declarations: { notCompulsory: false, noPension: false },
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'participant.not_eligible',
      message:
        'Chưa đủ điều kiện tham gia BHXH tự nguyện: người đang tham gia BHXH bắt buộc không tham gia tự nguyện; người đang hưởng lương hưu hoặc trợ cấp BHXH hằng tháng không tham gia (từ 01/07/2025)',
    });
  });

  it('records the declarations as given', async () => {
    const response = await enroll(session, enrollBody({ communeCode: agent.communes[0]! }));
    expect(response.statusCode).toBe(201);
    const { eligibility } = await t.db
      .selectFrom('vsi_enrollment')
      .select('eligibility')
      .where('participant_id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    expect(eligibility).toMatchObject({ declaresNotCompulsory: true, declaresNoPension: true });
  });

  it("refuses an income below the floor with the law engine's message", async () => {
    const response = await enroll(
      session,
      enrollBody({ communeCode: agent.communes[0]!, monthlyIncome: 1_450_000 }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'calc.income_below_floor', field: 'monthlyIncome' });
  });

  it("403 for a person living outside the agent's area", async () => {
    const response = await enroll(otherAgent, enrollBody({ communeCode: agent.communes[0]! }));
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('participant.commune_outside_scope');
  });

  it('409 for a personal ID already registered, naming the unit and masking the ID, nothing else', async () => {
    const body = enrollBody({ communeCode: agent.communes[0]!, fullName: 'Trần Văn Bí Mật' });
    expect((await enroll(session, body)).statusCode).toBe(201);
    const again = await enroll(session, { ...body, fullName: 'Người Khác' });
    expect(again.statusCode).toBe(409);
    const error = again.json().error;
    expect(error.code).toBe('participant.duplicate_id');
    expect(error.message).toContain(`${body.personalId.slice(0, 3)}******${body.personalId.slice(9)}`);
    expect(error.message).toContain(agent.point.name);
    expect(again.body).not.toContain('Bí Mật');
    expect(again.body).not.toContain(body.personalId);
  });

  it('creates exactly one record from 20 concurrent submissions of one ID', async () => {
    const body = enrollBody({ communeCode: agent.communes[1]! });
    const responses = await Promise.all(Array.from({ length: 20 }, () => enroll(session, body)));
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    const rows = await t.db
      .selectFrom('participant')
      .select('id')
      .where('personal_id', '=', body.personalId)
      .execute();
    expect(rows).toHaveLength(1);
    const enrollments = await t.db
      .selectFrom('vsi_enrollment')
      .select('id')
      .where('participant_id', '=', rows[0]!.id)
      .execute();
    expect(enrollments).toHaveLength(1);
  });

  it('answers a retry with the same Idempotency-Key with the first result, writing nothing', async () => {
    const body = enrollBody({ communeCode: agent.communes[0]! });
    const key = randomUUID();
    const first = await enroll(session, body, { 'idempotency-key': key });
    const retry = await enroll(session, body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const otherBody = await enroll(session, { ...body, fullName: 'Khác' }, { 'idempotency-key': key });
    expect(otherBody.statusCode).toBe(409);
    expect(otherBody.json().error.code).toBe('request.idempotency_conflict');
  });
});

describe('finding people', () => {
  let id: number;
  let personalId: string;
  beforeAll(async () => {
    const body = enrollBody({
      communeCode: agent.communes[0]!,
      fullName: 'Đặng Thị Ngọc Ánh',
      phone: '0987 654 321',
    });
    personalId = body.personalId;
    id = (await enroll(session, body)).json().id;
  });

  it.each([
    ['a partial name without diacritics', 'ngoc anh'],
    ['the personal ID', 'PERSONAL_ID'],
    ['the phone number in any format', '+84987654321'],
  ])('by %s', async (_label, term) => {
    const search = term === 'PERSONAL_ID' ? personalId : term;
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/participants?search=${encodeURIComponent(search)}`,
      headers: session.headers,
    });
    expect(
      response.json().items?.map((p: { id: number }) => p.id),
      response.body,
    ).toContain(id);
  });

  const idsFound = async (search: string) =>
    (
      await app.inject({
        method: 'GET',
        url: `/api/v1/participants?search=${encodeURIComponent(search)}`,
        headers: session.headers,
      })
    )
      .json()
      .items.map((p: { id: number }) => p.id);

  it('by whole words in any order, and by a word still being typed', async () => {
    expect(await idsFound('anh ngoc dang')).toContain(id);
    // No name has the whole word "ngo": the search falls back to any part of the name.
    expect(await idsFound('dang thi ngo')).toContain(id);
    expect(await idsFound('hi ngoc a')).toContain(id);
    expect(await idsFound('ngoc minh')).not.toContain(id);
  });

  it('stops counting a common name at 50 and says so', async () => {
    await sql`
      insert into participant (personal_id, full_name, name_search, birth_date, sex, commune_code,
                               province_code, categories, category_evidence, org_unit_id, created_at, updated_at)
      select lpad((900000000000 + g)::text, 12, '0'), 'Lò Văn Thử', 'lo van thu', birth_date, sex,
             commune_code, province_code, categories, category_evidence, org_unit_id, created_at, updated_at
      from participant, generate_series(1, 101) g where id = ${id}`.execute(t.db);
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/participants?search=van%20thu&limit=20&offset=80',
      headers: session.headers,
    });
    // Past the count, pages still come: the walk goes as far as the page asked for.
    expect(response.json()).toMatchObject({ total: 50, capped: true });
    expect(response.json().items).toHaveLength(20);
    // Found by a word still being typed ("th"), the later pages are there too.
    const typing = await app.inject({
      method: 'GET',
      url: '/api/v1/participants?search=van%20th&limit=20&offset=40',
      headers: session.headers,
    });
    expect(typing.json()).toMatchObject({ total: 50, capped: true });
    expect(typing.json().items).toHaveLength(20);
    // A piece from inside a word ("an thu" is in "van thu", and no word begins with it), by trigrams.
    const infix = await app.inject({
      method: 'GET',
      url: '/api/v1/participants?search=an%20thu&limit=20',
      headers: session.headers,
    });
    expect(infix.json()).toMatchObject({ total: 50, capped: true });
    const exact = await app.inject({
      method: 'GET',
      url: `/api/v1/participants?search=${encodeURIComponent('Đặng Thị Ngọc Ánh')}`,
      headers: session.headers,
    });
    expect(exact.json()).toMatchObject({ capped: false });
    expect(exact.json().total).toBeGreaterThanOrEqual(1);
  });

  it('404 for a person of another province, on the record and its timeline', async () => {
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/participants/${id}`, headers: otherAgent.headers }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/v1/participants/${id}/timeline`,
          headers: otherAgent.headers,
        })
      ).statusCode,
    ).toBe(404);
    const search = await app.inject({
      method: 'GET',
      url: `/api/v1/participants?search=${personalId}`,
      headers: otherAgent.headers,
    });
    expect(search.json().items).toEqual([]);
  });

  it('masks personal IDs for a provincial officer, who looks at figures, not people', async () => {
    const officer = await buildUser(t.db, { role: 'provincial_officer', province: '01' });
    const s = await login(app, officer.username, officer.password);
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/participants/${id}`,
      headers: s.headers,
    });
    expect(response.json().personalId).toBe(`${personalId.slice(0, 3)}******${personalId.slice(9)}`);
  });

  it('shows the timeline of what happened', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/participants/${id}/timeline`,
      headers: session.headers,
    });
    expect(response.json().items.map((i: { kind: string }) => i.kind)).toEqual(
      expect.arrayContaining(['enrolled', 'status']),
    );
  });
});
