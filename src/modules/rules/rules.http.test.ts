import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildUser } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
// Today is 2 March 2026: a change from 1 July 2026 is in the future, one from 1 January 2026 is history.
const clock = fixedClock('2026-03-02T08:00:00+07:00');
let app: App;
let admin: Session;

beforeAll(async () => {
  app = await buildApp(t.db, { clock });
  const user = await buildUser(t.db, { role: 'system_admin', username: 'quan.tri' });
  admin = await login(app, user.username, user.password);
});
afterAll(() => app.close());

const quote = (paymentDate: string, monthlyIncome: number) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/calc/vsi-quote',
    payload: { paymentDate, monthlyIncome, mode: 'monthly' },
  });
const setParameter = (session: Session, body: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/v1/rules/parameters', headers: session.headers, payload: body });

describe('editing the law as data', () => {
  it('records a new reference level from a future date; quotes on and after it use it, earlier ones do not', async () => {
    const before = await quote('2026-06-30', 46_800_000);
    const oldVersion = before.json().ruleVersion;
    expect((await quote('2026-07-01', 50_600_000)).json().error.code).toBe('calc.income_above_ceiling');

    const response = await setParameter(admin, {
      key: 'salary.reference',
      value: 2_530_000,
      validFrom: '2026-07-01',
      basis: 'Nghị định (giả định) về mức tham chiếu từ 01/07/2026',
      confidence: 'M',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().ruleVersion).toMatch(/^2026-07-01\./);

    const after = await quote('2026-07-01', 50_600_000);
    expect(after.statusCode).toBe(200);
    expect(after.json().grossMonthly).toBe(11_132_000);
    expect(after.json().ruleVersion).toBe(response.json().ruleVersion);
    // The day before is untouched, with the very same version id as before the change.
    const dayBefore = await quote('2026-06-30', 46_800_000);
    expect(dayBefore.json().ruleVersion).toBe(oldVersion);
    expect((await quote('2026-06-30', 50_600_000)).json().error.code).toBe('calc.income_above_ceiling');
  });

  it('never rewrites history: a change dated before today is refused with a clear message', async () => {
    const response = await setParameter(admin, {
      key: 'vsi.poverty_line',
      value: 1_600_000,
      validFrom: '2026-01-01',
      basis: 'Thử sửa quá khứ',
      confidence: 'H',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('rules.change_in_past');
    expect(response.json().error.message).toContain('01/01/2026');
  });

  it('refuses an unknown parameter', async () => {
    const response = await setParameter(admin, {
      key: 'vsi.bonus',
      value: 1,
      validFrom: '2027-01-01',
      basis: 'không có',
      confidence: 'L',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('rules.unknown_key');
  });

  it('keeps who changed what and when, in the history and the audit log', async () => {
    const history = await app.inject({ method: 'GET', url: '/api/v1/rules/changes', headers: admin.headers });
    const latest = history.json().items[0];
    expect(latest).toMatchObject({ username: 'quan.tri', kind: 'parameter' });
    expect(latest.summary).toContain('mức tham chiếu = 2530000 từ 01/07/2026');
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'law_parameter')
      .where('actor_username', '=', 'quan.tri')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps every version used, by id, so old results stay explainable', async () => {
    const version = (await quote('2026-06-30', 1_500_000)).json().ruleVersion;
    const response = await app.inject({ method: 'GET', url: `/api/v1/rules/versions/${version}` });
    expect(response.statusCode).toBe(200);
    expect(response.json().content.values['vsi.poverty_line']).toBe(1_500_000);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/rules/versions/2020-01-01.deadbeef' })).statusCode,
    ).toBe(404);
  });

  it('adds a local top-up for a province, which quotes there apply', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/rules/topups',
      headers: admin.headers,
      payload: {
        provinceCode: '92',
        category: 'near_poor',
        value: 0.2,
        validFrom: '2026-04-01',
        basis: 'Nghị quyết HĐND TP. Cần Thơ (giả định)',
        confidence: 'M',
      },
    });
    expect(response.statusCode).toBe(200);
    const canTho = await app.inject({
      method: 'POST',
      url: '/api/v1/calc/vsi-quote',
      payload: {
        paymentDate: '2026-04-01',
        monthlyIncome: 1_500_000,
        mode: 'monthly',
        categories: ['near_poor'],
        provinceCode: '92',
      },
    });
    expect(canTho.json()).toMatchObject({
      stateSupportMonthly: 132_000,
      localSupportMonthly: 66_000,
      netMonthly: 132_000,
    });
  });

  it('lets only administrators change the law', async () => {
    const officer = await buildUser(t.db, { role: 'central_officer' });
    const session = await login(app, officer.username, officer.password);
    const response = await setParameter(session, {
      key: 'salary.base',
      value: 2_600_000,
      validFrom: '2027-01-01',
      basis: 'Không có thẩm quyền',
      confidence: 'L',
    });
    expect(response.statusCode).toBe(403);
  });

  it('serves the whole law publicly, for the offline calculator', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/rules' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(
      body.rows.some(
        (r: { key: string; value: number }) => r.key === 'salary.reference' && r.value === 2_530_000,
      ),
    ).toBe(true);
    expect(body.keys['vsi.poverty_line'].label.vi).toBe('chuẩn nghèo nông thôn');
  });
});
