import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../test/db/test-db.ts';
import { buildApp } from '../../test/http.ts';
import type { App } from './app.ts';

const t = setupTestDatabase();
let http: App;
let https: App;
beforeAll(async () => {
  http = await buildApp(t.db);
  https = await buildApp(t.db, { https: true });
});
afterAll(async () => {
  await http.close();
  await https.close();
});

const quote = (app: App) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/calc/vsi-quote',
    payload: { paymentDate: '2025-08-14', monthlyIncome: 1_500_000, mode: 'monthly' },
  });

describe('security headers', () => {
  it('gives API answers the short REST set and a request id, and HSTS only over HTTPS', async () => {
    for (const response of [await quote(http), await http.inject({ method: 'GET', url: '/api/health' })]) {
      expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
    const secure = await quote(https);
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('gives pages the document policy', async () => {
    const page = await https.inject({ method: 'GET', url: '/api/docs' });
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['strict-transport-security']).toContain('max-age=');
    const plain = await http.inject({ method: 'GET', url: '/api/docs' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends a calculation as UTF-8 JSON with its length in bytes', async () => {
    const response = await quote(http);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
    expect(response.json().steps.map((s: { label: string }) => s.label)).toContain('Tỷ lệ đóng');
  });
});
