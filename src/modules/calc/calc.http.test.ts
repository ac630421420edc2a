import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildApp } from '../../../test/http.ts';
import { type ExampleApi, exampleTests } from '../../../test/law-examples.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
let app: App;
beforeAll(async () => {
  app = await buildApp(t.db);
});
afterAll(() => app.close());

const post = (kind: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: `/api/v1/calc/${kind}`, payload: payload as object, headers });

const http: ExampleApi = {
  async calc(kind, input) {
    const response = await post(kind, input);
    return response.statusCode === 200
      ? { ok: true, result: response.json() }
      : { ok: false, error: response.json().error };
  },
  async param(key, date, scope) {
    const response = await app.inject({ method: 'GET', url: `/api/v1/rules/at?date=${date}` });
    if (response.statusCode !== 200) return undefined;
    return response.json().values[scope === undefined ? key : `${key}:${scope}`];
  },
};

describe('published examples through POST /api/v1/calc/<kind>', () => {
  for (const test of exampleTests(() => http)) it(test.title, test.run);
});

describe('the calculation contract over HTTP', () => {
  it('needs no login and names the rule version and its steps', async () => {
    const response = await post('vsi-quote', {
      paymentDate: '2025-08-14',
      monthlyIncome: 1_500_000,
      mode: 'monthly',
      categories: ['poor'],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      months: 1,
      grossMonthly: 330_000,
      stateSupportMonthly: 165_000,
      localSupportMonthly: 0,
      netMonthly: 165_000,
      supportedMonths: 1,
      total: 165_000,
    });
    expect(body.ruleVersion).toMatch(/^2025-07-01\.[0-9a-f]{8}$/);
    expect(body.steps.length).toBeGreaterThan(5);
    expect(body.steps[0]).toEqual({ label: 'Ngày đóng', value: '14/08/2025' });
  });

  it('answers the contract error for an income below the floor, in Vietnamese', async () => {
    const response = await post('vsi-quote', {
      paymentDate: '2022-03-01',
      monthlyIncome: 1_450_000,
      mode: 'monthly',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'calc.income_below_floor',
        message:
          'Thu nhập 1.450.000 đ thấp hơn mức tối thiểu 1.500.000 đ (chuẩn nghèo nông thôn) tại ngày 01/03/2022',
        field: 'monthlyIncome',
      },
    });
  });

  it('answers in English when asked', async () => {
    const response = await post(
      'vsi-quote',
      { paymentDate: '2022-03-01', monthlyIncome: 1_450_000, mode: 'monthly' },
      { 'accept-language': 'en' },
    );
    expect(response.json().error.message).toMatch(/^Income 1,450,000/);
  });

  it.each([
    [
      'an unknown category',
      'vsi-quote',
      { paymentDate: '2025-08-14', monthlyIncome: 1_500_000, mode: 'monthly', categories: ['rich'] },
      'calc.unknown_category',
      'categories[0]',
    ],
    [
      'advance months out of range',
      'vsi-quote',
      { paymentDate: '2025-08-14', monthlyIncome: 1_500_000, mode: 'advance', months: 61, fundRate: 0.006 },
      'calc.months_out_of_range',
      'months',
    ],
    [
      'a date before every rule version',
      'vsi-quote',
      { paymentDate: '2015-12-31', monthlyIncome: 700_000, mode: 'monthly' },
      'calc.date_out_of_range',
      'paymentDate',
    ],
    [
      'a missing fund rate',
      'vsi-quote',
      { paymentDate: '2025-08-14', monthlyIncome: 1_500_000, mode: 'advance', months: 12 },
      'calc.fund_rate_missing',
      'fundRate',
    ],
    [
      'an HHI period of 5 months',
      'hhi-quote',
      { paymentDate: '2025-01-10', members: 2, months: 5 },
      'calc.hhi_months_invalid',
      'months',
    ],
    [
      'a retirement sex that is not M or F',
      'retirement-age',
      { sex: 'X', birthMonth: '1966-03' },
      'calc.unknown_sex',
      'sex',
    ],
  ])('refuses %s with code %s', async (_name, kind, input, code, field) => {
    const response = await post(kind, input);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code, field });
    expect(response.json().error.message.length).toBeGreaterThan(20);
  });

  it('lists every field at fault when there are several', async () => {
    const response = await post('pension', { sex: 'M' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['contributionMonths', 'retirementMonth', 'averageMonthlyIncome']),
    );
  });

  it('does not coerce types: a string income is an error, as in the CLI', async () => {
    const response = await post('vsi-quote', {
      paymentDate: '2025-08-14',
      monthlyIncome: '1500000',
      mode: 'monthly',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('monthlyIncome');
  });

  it('refuses an unknown kind and a body that is not JSON', async () => {
    const unknown = await post('salary-quote', {});
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('calc.unknown_kind');
    const broken = await app.inject({
      method: 'POST',
      url: '/api/v1/calc/vsi-quote',
      payload: '{"paymentDate":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toEqual({
      code: 'calc.invalid_json',
      message:
        'Dữ liệu vào không phải JSON hợp lệ. Ví dụ: {"paymentDate":"2025-08-14","monthlyIncome":1500000,"mode":"monthly"}',
    });
  });

  it('checks a personal ID as a successful result even when it is invalid', async () => {
    const response = await post('citizen-id', { id: '001198012345', birthDate: '1998-05-02', sex: 'M' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ valid: false, birthProvinceCode: '001' });
    expect(response.json().errors.map((e: { code: string }) => e.code)).toContain('citizen_id.sex_mismatch');
  });

  it('documents every kind in OpenAPI', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    for (const kind of ['vsi-quote', 'hhi-quote', 'retirement-age', 'pension', 'lump-sum', 'citizen-id']) {
      expect(spec.paths[`/api/v1/calc/${kind}`].post.requestBody).toBeDefined();
    }
  });
});
