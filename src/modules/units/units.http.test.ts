import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildApp } from '../../../test/http.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
let app: App;
beforeAll(async () => {
  app = await buildApp(t.db);
});
afterAll(() => app.close());

const get = (url: string) => app.inject({ method: 'GET', url });

describe('the public map of Vietnam', () => {
  it('has the 34 provinces in force since 2025-07-01, without a login', async () => {
    const response = await get('/api/v1/units?level=province&limit=200');
    expect(response.statusCode).toBe(200);
    expect(response.json().total).toBe(34);
    expect(response.json().items[0]).toEqual({
      code: '01',
      name: 'Thành phố Hà Nội',
      level: 'province',
      kind: 'Thành phố Trung Ương',
      provinceCode: '01',
      provinceName: 'Thành phố Hà Nội',
    });
  });

  it('has the 3,321 communes, paginated', async () => {
    const first = await get('/api/v1/units?level=commune&limit=2');
    const second = await get('/api/v1/units?level=commune&limit=2&offset=2');
    expect(first.json().total).toBe(3321);
    expect(first.json().items).toHaveLength(2);
    expect(second.json().items[0].code).not.toBe(first.json().items[0].code);
  });

  it.each(['ha noi', 'Hà Nội', 'HA NOI', 'hanoi', 'TP Hà Nội'])(
    'finds Hà Nội when searching "%s"',
    async (search) => {
      const response = await get(`/api/v1/units?level=province&search=${encodeURIComponent(search)}`);
      expect(response.json().items.map((u: { code: string }) => u.code)).toEqual(['01']);
    },
  );

  it('reads "tp" as "thành phố" and ignores the spaces in a name', async () => {
    const hcm = await get(`/api/v1/units?level=province&search=${encodeURIComponent('tp ho chi minh')}`);
    expect(hcm.json().items.map((u: { code: string }) => u.code)).toEqual(['79']);
    const commune = await get(
      `/api/v1/units?level=commune&province=96&search=${encodeURIComponent('datmui')}`,
    );
    expect(commune.json().items.map((u: { code: string }) => u.code)).toEqual(['32248']);
  });

  it('finds a commune without diacritics, within a province', async () => {
    const response = await get(
      `/api/v1/units?level=commune&province=96&search=${encodeURIComponent('dat mui')}`,
    );
    expect(response.json().items).toEqual([
      expect.objectContaining({
        code: '32248',
        name: 'Xã Đất Mũi',
        provinceCode: '96',
        provinceName: 'Cà Mau',
      }),
    ]);
  });

  it('shows a commune with its province, the offices serving it and the old communes merged into it', async () => {
    const response = await get('/api/v1/units/00004');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      code: '00004',
      name: 'Phường Ba Đình',
      kind: 'phuong',
      province: { code: '01' },
    });
    expect(body.servedBy.map((o: { code: string }) => o.code)).toEqual(
      expect.arrayContaining(['BHXH-01', 'BD-01']),
    );
    expect(body.formerUnits.length).toBeGreaterThan(0);
    expect(body.formerUnits[0]).toMatchObject({ level: 'commune', provinceName: 'Thành phố Hà Nội' });
  });

  it('answers 404 in Vietnamese for an unknown code, and 400 for a malformed one', async () => {
    const missing = await get('/api/v1/units/99999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe(
      'Không có đơn vị hành chính mã 99999. Mã tỉnh có 2 chữ số, mã xã có 5 chữ số.',
    );
    expect((await get('/api/v1/units/abc')).statusCode).toBe(400);
    const badLevel = await get('/api/v1/units?level=district');
    expect(badLevel.statusCode).toBe(400);
    expect(badLevel.json().error.field).toBe('level');
  });

  it('lists pre-2025 units with the province of today they belong to', async () => {
    const response = await get(
      `/api/v1/units/legacy?level=province&search=${encodeURIComponent('Hà Giang')}`,
    );
    expect(response.json().items).toEqual([
      expect.objectContaining({ code: '02', level: 'province', validTo: '2025-06-30', provinceCode: '08' }),
    ]);
  });
});
