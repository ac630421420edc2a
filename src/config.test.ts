import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has defaults a newcomer can start with', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: null,
      port: 3000,
      host: '0.0.0.0',
      demo: true,
      secureCookies: false,
      trustProxy: false,
      loginRateLimit: 10,
    });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('trusts proxies only when told, by on/off or by address', () => {
    expect(loadConfig({ TRUST_PROXY: 'on' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toBe('127.0.0.1, 10.0.0.0/8');
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY phải là on\/off/);
  });

  it('takes the sign-in limit from LOGIN_RATE_LIMIT and refuses what is not a count', () => {
    expect(loadConfig({ LOGIN_RATE_LIMIT: '50' }).loginRateLimit).toBe(50);
    expect(() => loadConfig({ LOGIN_RATE_LIMIT: '0' })).toThrow(
      'LOGIN_RATE_LIMIT phải là số nguyên từ 1 đến 100000, nhận được "0"',
    );
    expect(() => loadConfig({ LOGIN_RATE_LIMIT: 'nhiều' })).toThrow(/LOGIN_RATE_LIMIT/);
  });

  it('refuses a port out of range with a clear message', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(
      'PORT phải là số nguyên từ 0 đến 65535, nhận được "70000"',
    );
  });
});
