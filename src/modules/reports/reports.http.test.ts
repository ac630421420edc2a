import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, buildUser, enrollBody, provincialUnit } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
// Registrations in January; the reports are read in mid-April, when January's payers have lapsed.
const clock = fixedClock('2026-01-10T09:00:00+07:00');
let app: App;
let central: Session;
let hanoi: Session;
let hcmc: Session;
let viewer: Session;
let agentSession: Session;
let campaignId: number;
const people: Record<'hoa' | 'lan' | 'minh' | 'saigon', { id: number; personalId: string }> = {} as never;

const call = (s: Session | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url: `/api/v1${url}`, headers: s?.headers ?? {}, ...(payload ? { payload } : {}) });

/** Asks for an export and waits for it to end, as the screen's progress bar does. */
async function exported(s: Session, body: object) {
  const created = await call(s, 'POST', '/reports/exports', body);
  expect(created.statusCode, created.body).toBe(201);
  await app.services.reports.settled(created.json().id);
  const done = await call(s, 'GET', `/reports/exports/${created.json().id}`);
  return done.json();
}

const download = (s: Session, id: number) => call(s, 'GET', `/reports/exports/${id}/file`);
const csvRows = (text: string) => parse(text, { bom: true }) as string[][];

async function enrollAndPay(
  session: Session,
  communeCode: string,
  who: { fullName: string; contactConsent: boolean; mode: string },
) {
  const body = enrollBody({ communeCode, startMonth: '2026-01', campaignId, categories: ['other'], ...who });
  const enrolled = await call(session, 'POST', '/participants', body);
  expect(enrolled.statusCode, enrolled.body).toBe(201);
  const id = enrolled.json().id as number;
  const quote = await call(session, 'POST', `/participants/${id}/payment-quote`, { mode: who.mode });
  const paid = await call(session, 'POST', `/participants/${id}/payments`, {
    mode: who.mode,
    method: 'cash',
    amount: quote.json().quote.total,
  });
  expect(paid.statusCode, paid.body).toBe(201);
  return { id, personalId: body.personalId as string };
}

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  const centralUnit = await t.db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', 'BHXH-VN')
    .executeTakeFirstOrThrow();
  const c = await buildUser(t.db, { role: 'central_officer', orgUnitId: centralUnit.id });
  central = await login(app, c.username, c.password);

  campaignId = (
    await call(central, 'POST', '/campaigns', {
      name: 'Tháng vận động đầu năm 2026',
      theme: 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình',
      startsOn: '2026-01-01',
      endsOn: '2026-01-31',
      products: ['vsi', 'hhi'],
      organisers: ['Bảo hiểm xã hội Việt Nam'],
    })
  ).json().id;
  const national = await call(central, 'PUT', `/campaigns/${campaignId}/targets`, {
    product: 'vsi',
    amount: 10_000,
  });
  await call(central, 'POST', `/targets/${national.json().id}/cascade`, { apply: true });

  const agent = await buildAgent(t.db, { province: '01' });
  agentSession = await login(app, agent.username, agent.password);
  const commune = agent.communes[0]!;
  people.hoa = await enrollAndPay(agentSession, commune, {
    fullName: 'Nguyễn Thị Hoa',
    contactConsent: true,
    mode: 'monthly',
  });
  people.lan = await enrollAndPay(agentSession, commune, {
    fullName: 'Lê Thị Lan',
    contactConsent: false,
    mode: 'monthly',
  });
  people.minh = await enrollAndPay(agentSession, commune, {
    fullName: 'Phạm Văn Minh',
    contactConsent: true,
    mode: 'annual',
  });
  const southern = await buildAgent(t.db, { province: '79' });
  const southernSession = await login(app, southern.username, southern.password);
  people.saigon = await enrollAndPay(southernSession, southern.communes[0]!, {
    fullName: 'Võ Văn Sài Gòn',
    contactConsent: true,
    mode: 'monthly',
  });
  await call(central, 'POST', `/campaigns/${campaignId}/activities`, {
    orgUnitId: (await provincialUnit(t.db, '01')).id,
    kind: 'convoy',
    onDate: '2026-01-10',
    title: 'Đoàn xe qua các xã ven đô',
    cars: 4,
    motorbikes: 30,
  });
  // Mid-April: a January payer's deadline (28 February) is more than 30 days past.
  clock.set('2026-04-15T09:00:00+07:00');
  central = await login(app, c.username, c.password);
  agentSession = await login(app, agent.username, agent.password);
  const h = await buildUser(t.db, { role: 'provincial_officer', province: '01' });
  hanoi = await login(app, h.username, h.password);
  const s = await buildUser(t.db, { role: 'provincial_officer', province: '79' });
  hcmc = await login(app, s.username, s.password);
  const v = await buildUser(t.db, { role: 'viewer', province: '01' });
  viewer = await login(app, v.username, v.password);
}, 60_000);
afterAll(() => app.close());

describe('asking for an export', () => {
  it('needs a session', async () => {
    const response = await call(null, 'POST', '/reports/exports', { kind: 'progress', format: 'csv' });
    expect(response.statusCode).toBe(401);
  });

  it('says in Vietnamese what is wrong with the request', async () => {
    const format = await call(central, 'POST', '/reports/exports', { kind: 'progress', format: 'docx' });
    expect(format.statusCode).toBe(400);
    expect(format.json().error.message).toBe(
      'Dữ liệu gửi lên không hợp lệ: "format" phải là một trong: csv, xlsx, pdf.',
    );
    const kpis = await call(central, 'POST', '/reports/exports', { kind: 'kpis', format: 'csv' });
    expect(kpis.statusCode).toBe(400);
    expect(kpis.json().error).toEqual({
      code: 'report.campaign_required',
      message: 'Báo cáo “Kết quả tuyên truyền” cần chọn một chiến dịch.',
      field: 'params.campaignId',
    });
    const period = await call(central, 'POST', '/reports/exports', {
      kind: 'progress',
      format: 'csv',
      params: { campaignId, groupBy: 'unit', from: '2026-01-01' },
    });
    expect(period.json().error.code).toBe('report.period_not_supported');
    expect(period.json().error.message).toContain('Tiến độ theo đơn vị');
    const ignored = await call(central, 'POST', '/reports/exports', {
      kind: 'coverage',
      format: 'csv',
      params: { campaignId },
    });
    expect(ignored.json().error.message).toBe(
      'Báo cáo “Độ bao phủ” không dùng tham số "campaignId"; hãy bỏ tham số này.',
    );
  });

  it('is for those who look at figures: not for agents, and viewers get no list of named people', async () => {
    const agent = await call(agentSession, 'POST', '/reports/exports', { kind: 'progress', format: 'csv' });
    expect(agent.statusCode).toBe(403);
    expect(agent.json().error.code).toBe('auth.forbidden');
    const lapsed = await call(viewer, 'POST', '/reports/exports', { kind: 'lapsed', format: 'csv' });
    expect(lapsed.statusCode).toBe(403);
    expect(lapsed.json().error.code).toBe('report.kind_forbidden');
    const figures = await exported(viewer, { kind: 'progress', format: 'csv', params: { campaignId } });
    expect(figures.status).toBe('done');
  });
});

describe('the caller’s region', () => {
  it('refuses a unit of another province, and keeps another province’s people out', async () => {
    const hanoiUnit = await provincialUnit(t.db, '01');
    const outside = await call(hcmc, 'POST', '/reports/exports', {
      kind: 'lapsed',
      format: 'csv',
      params: { scopeUnitId: hanoiUnit.id },
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.message).toBe(
      `Không tìm thấy đơn vị ${hanoiUnit.id} trong địa bàn của bạn; báo cáo chỉ lấy số liệu trong địa bàn.`,
    );
    const own = await exported(hcmc, { kind: 'lapsed', format: 'csv' });
    const rows = csvRows((await download(hcmc, own.id)).body);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Võ Văn Sài Gòn']);
  });

  it('shows an export to its requester only', async () => {
    const mine = await exported(hanoi, { kind: 'coverage', format: 'csv' });
    expect((await call(hcmc, 'GET', `/reports/exports/${mine.id}`)).statusCode).toBe(404);
    expect((await download(hcmc, mine.id)).statusCode).toBe(404);
    expect((await call(hcmc, 'DELETE', `/reports/exports/${mine.id}`)).statusCode).toBe(404);
    const list = (await call(hcmc, 'GET', '/reports/exports')).json();
    expect(list.items.map((e: { id: number }) => e.id)).not.toContain(mine.id);
  });
});

describe('the files', () => {
  it('progress by province as CSV: UTF-8 with a BOM, Vietnamese headings, target and share reached', async () => {
    const done = await exported(central, {
      kind: 'progress',
      format: 'csv',
      params: { campaignId, product: 'vsi' },
    });
    expect(done).toMatchObject({ status: 'done', progress: 1, rowsDone: 34, rowsTotal: 34 });
    expect(done.fileName).toMatch(/^tien-do-theo-tinh-2026-04-15-\d+\.csv$/);
    const file = await download(central, done.id);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="${done.fileName}"; filename*=UTF-8''${done.fileName}`,
    );
    expect(file.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = csvRows(file.body);
    expect(header).toEqual([
      'Mã tỉnh',
      'Tỉnh, thành phố',
      'Sản phẩm',
      'Đăng ký mới',
      'Đóng lần đầu',
      'Lượt đóng',
      'Số tiền (đồng)',
      'Chỉ tiêu',
      'Đạt chỉ tiêu (%)',
    ]);
    const hanoiRow = rows.find((r) => r[0] === '01')!;
    expect(hanoiRow.slice(1, 6)).toEqual(['Thành phố Hà Nội', 'BHXH tự nguyện', '3', '3', '3']);
    const target = Number(hanoiRow[7]);
    expect(target).toBeGreaterThan(0);
    expect(Number(hanoiRow[8])).toBeCloseTo((3 / target) * 100, 2);
    // Every province has its share of the national target, registrations or not.
    expect(rows).toHaveLength(34);
  });

  it('the win-back list as XLSX: IDs masked for a provincial officer, phones only with consent', async () => {
    const done = await exported(hanoi, { kind: 'lapsed', format: 'xlsx' });
    expect(done).toMatchObject({ status: 'done', rowsTotal: 2, rowsDone: 2 });
    const file = await download(hanoi, done.id);
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    // Cell values from column A, empty cells as null (exceljs leaves holes for them).
    const text = (row: number) =>
      Array.from((sheet.getRow(row).values as unknown[]).slice(1), (v) => v ?? null);
    expect(text(1)).toEqual(['Danh sách dừng đóng cần vận động lại']);
    const headerAt = [...Array(sheet.rowCount).keys()]
      .map((i) => i + 1)
      .find((r) => text(r)[0] === 'Họ và tên')!;
    expect(text(headerAt)).toEqual([
      'Họ và tên',
      'Số định danh cá nhân',
      'Điện thoại',
      'Xã, phường',
      'Tỉnh, thành phố',
      'Đã đóng đến tháng',
      'Hạn đóng',
      'Số tháng chưa đóng',
      'Phương thức đóng',
      'Số tiền để đóng lại (đồng)',
    ]);
    const [hoa, lan] = [text(headerAt + 1), text(headerAt + 2)];
    expect(hoa[0]).toBe('Nguyễn Thị Hoa');
    expect(hoa[1]).toBe(`${people.hoa.personalId.slice(0, 3)}******${people.hoa.personalId.slice(9)}`);
    expect(hoa[2]).toBe('0912345678');
    expect(hoa.slice(4, 9)).toEqual([
      'Thành phố Hà Nội',
      '01/2026',
      new Date('2026-02-28T00:00:00Z'),
      2,
      'Hằng tháng',
    ]);
    expect(hoa[9]).toBeGreaterThan(0);
    expect(lan[0]).toBe('Lê Thị Lan');
    expect(lan[2]).toBeNull();
    // Paid for the whole year: not lapsed, not on the list.
    expect(sheet.rowCount).toBe(headerAt + 2);
  });

  it('the KPIs as CSV, as the campaign screen counts them', async () => {
    const done = await exported(hanoi, { kind: 'kpis', format: 'csv', params: { campaignId } });
    const [header, ...rows] = csvRows((await download(hanoi, done.id)).body);
    expect(header?.slice(0, 6)).toEqual([
      'Mã tỉnh',
      'Tỉnh, thành phố',
      'Hoạt động',
      'Đoàn xe',
      'Ô tô',
      'Xe máy',
    ]);
    expect(rows).toEqual([
      ['01', 'Thành phố Hà Nội', '1', '1', '4', '30', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
    ]);
  });

  it('coverage as PDF, in Vietnamese with the embedded font', async () => {
    const done = await exported(central, { kind: 'coverage', format: 'pdf', params: { asOf: '2026-03-31' } });
    expect(done.status).toBe('done');
    const file = await download(central, done.id);
    expect(file.headers['content-type']).toBe('application/pdf');
    const local = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-')), 'coverage.pdf');
    fs.writeFileSync(local, file.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', local, '-'], { encoding: 'utf8' });
    expect(text).toContain('Độ bao phủ');
    expect(text).toContain('Tính đến ngày 31/03/2026');
    expect(text).toContain('Địa bàn: Toàn quốc');
    expect(text).toContain('Thành phố Hồ Chí Minh');
    expect(text).toContain('Toàn quốc');
    fs.rmSync(path.dirname(local), { recursive: true, force: true });
  });
});

describe('my exports', () => {
  it('are listed newest first, replayed on a retried request, and removed with their file', async () => {
    const key = 'reports-export-retry-0001';
    const body = { kind: 'progress', format: 'xlsx', params: { campaignId, groupBy: 'channel' } };
    const first = await app.inject({
      method: 'POST',
      url: '/api/v1/reports/exports',
      headers: { ...hanoi.headers, 'idempotency-key': key },
      payload: body,
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/reports/exports',
      headers: { ...hanoi.headers, 'idempotency-key': key },
      payload: body,
    });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    await app.services.reports.settled(first.json().id);

    const list = (await call(hanoi, 'GET', '/reports/exports?limit=2')).json();
    expect(list.items[0]).toMatchObject({ id: first.json().id, status: 'done', kind: 'progress' });
    expect(list.total).toBeGreaterThanOrEqual(3);
    const { file_path } = await t.db
      .selectFrom('report_export')
      .select('file_path')
      .where('id', '=', first.json().id)
      .executeTakeFirstOrThrow();
    const file = path.join(app.services.reports.dir, file_path!);
    expect(fs.existsSync(file)).toBe(true);
    const removed = await call(hanoi, 'DELETE', `/reports/exports/${first.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect((await call(hanoi, 'GET', `/reports/exports/${first.json().id}`)).statusCode).toBe(404);
    expect(fs.existsSync(file)).toBe(false);
  });
});
