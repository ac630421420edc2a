import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildUser } from '../../../test/factories.ts';
import { buildApp, centralOfficer, login, type Session } from '../../../test/http.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
let app: App;
let central: Session;

beforeAll(async () => {
  app = await buildApp(t.db);
  central = await centralOfficer(app, t.db);
});
afterAll(() => app.close());

function upload(session: Session, csv: string) {
  const boundary = '----diemtua';
  const payload = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="file"; filename="mau-so-2022.csv"',
    'Content-Type: text/csv',
    '',
    csv,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return app.inject({
    method: 'POST',
    url: '/api/v1/denominators/import',
    headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

describe('denominators', () => {
  it('imports a CSV and serves the latest figures on or before a date', async () => {
    const csv = [
      'province_code,as_of,labour_force,compulsory_participants,source',
      '01,2022-03-31,"4.512.000",1890000,Tổng cục Thống kê',
      '79,2022-03-31,6100000,2950000,Tổng cục Thống kê',
      '01,2023-03-31,4600000,1950000,',
    ].join('\n');
    const response = await upload(central, csv);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 3 });

    const listing = await app.inject({
      method: 'GET',
      url: '/api/v1/denominators?asOf=2022-12-31',
      headers: central.headers,
    });
    const hanoi = listing.json().items.find((d: { provinceCode: string }) => d.provinceCode === '01');
    expect(hanoi).toMatchObject({
      asOf: '2022-03-31',
      labourForce: 4_512_000,
      compulsoryParticipants: 1_890_000,
      isDemo: false,
    });
    const later = await app.inject({
      method: 'GET',
      url: '/api/v1/denominators?asOf=2024-01-01',
      headers: central.headers,
    });
    expect(later.json().items.find((d: { provinceCode: string }) => d.provinceCode === '01').source).toBe(
      'mau-so-2022.csv',
    );
  });

  it('rejects the whole file when any row is bad, listing each problem', async () => {
    const csv = [
      'province_code,as_of,labour_force,compulsory_participants',
      '02,2025-12-31,100,10',
      '01,31/03/2022,100,10',
      '01,2024-03-31,100,200',
      '92,2024-03-31,5000,100',
    ].join('\n');
    const response = await upload(central, csv);
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('denominator.invalid_file');
    expect(error.message).toBe(
      'Tệp CSV có 3 dòng lỗi; chưa nhập dòng nào. Dòng 2, cột province_code: Mã tỉnh "02" là tỉnh cũ; số liệu từ ngày 01/07/2025 phải theo 34 tỉnh hiện hành.',
    );
    expect(error.fields).toHaveLength(3);
    const canTho = await t.db
      .selectFrom('denominator')
      .selectAll()
      .where('province_code', '=', '92')
      .execute();
    expect(canTho).toEqual([]);
  });

  it('adds figures recorded on the former provinces into the province they merged into', async () => {
    // Tuyên Quang (08) and Hà Giang (02) became today's Tuyên Quang; Cao Bằng (04) kept its borders.
    const csv = [
      'province_code,as_of,labour_force,compulsory_participants,voluntary_outside',
      '08,2021-12-31,480000,60000,9000',
      '2,2021-12-31,500000,40000,11000',
      '04,2021-12-31,310000,30000,',
    ].join('\n');
    const response = await upload(central, csv);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 2 });
    const listing = await app.inject({
      method: 'GET',
      url: '/api/v1/denominators?asOf=2021-12-31',
      headers: central.headers,
    });
    const byCode = new Map(
      listing.json().items.map((d: { provinceCode: string }) => [d.provinceCode, d] as const),
    );
    expect(byCode.get('08')).toMatchObject({
      asOf: '2021-12-31',
      labourForce: 980_000,
      compulsoryParticipants: 100_000,
      voluntaryOutside: 20_000,
    });
    expect(byCode.get('04')).toMatchObject({ labourForce: 310_000, voluntaryOutside: 0 });
  });

  it('refuses voluntary and compulsory participants beyond the labour force', async () => {
    const response = await upload(
      central,
      'province_code,as_of,labour_force,compulsory_participants,voluntary_outside\n01,2023-06-30,1000,900,200',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      {
        field: 'dòng 2: compulsory_participants',
        message: 'Số tham gia bắt buộc và tự nguyện không thể lớn hơn lực lượng lao động',
      },
    ]);
  });

  it('forbids a viewer from importing', async () => {
    const viewer = await buildUser(t.db, { role: 'viewer' });
    const session = await login(app, viewer.username, viewer.password);
    const response = await upload(
      session,
      'province_code,as_of,labour_force,compulsory_participants\n01,2022-03-31,1,1',
    );
    expect(response.statusCode).toBe(403);
  });
});
