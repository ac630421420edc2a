import path from 'node:path';

/** Everything the process reads from its environment, read once. */
export interface Config {
  /** External PostgreSQL (15 or later). Without it the data lives in an embedded server under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  port: number;
  host: string;
  /** Load demo organisations, users and figures on first start. */
  demo: boolean;
  /** Size of the demo campaigns' registrations, 1 = the real May 2022 figures (tests use less). */
  demoCampaignScale: number;
  logLevel: string;
  /** Cookies get the Secure flag when the app is served over HTTPS. */
  secureCookies: boolean;
  /**
   * Which proxies' X-Forwarded-For to believe for the caller's address (sign-in rate limit, audit
   * log): false (the default) believes none; true believes any; else addresses or CIDRs.
   */
  trustProxy: boolean | string;
  /**
   * Sign-in attempts per minute for one account from one address; one address is allowed 20 times
   * that across accounts (a post office's agents behind one router).
   */
  loginRateLimit: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: path.resolve(env.DATA_DIR?.trim() || 'data'),
    port: parsePort(env.PORT, 3000),
    host: env.HOST?.trim() || '0.0.0.0',
    demo: !['0', 'false', 'off', 'no'].includes((env.DEMO ?? 'on').toLowerCase()),
    demoCampaignScale: parseScale(env.DEMO_CAMPAIGN_SCALE),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    secureCookies: ['1', 'true', 'on'].includes((env.SECURE_COOKIES ?? '').toLowerCase()),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    loginRateLimit: parseLoginRateLimit(env.LOGIN_RATE_LIMIT),
  };
}

function parsePort(value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT phải là số nguyên từ 0 đến 65535, nhận được "${value}"`);
  }
  return port;
}

function parseScale(value: string | undefined): number {
  if (!value?.trim()) return 1;
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1) {
    throw new Error(`DEMO_CAMPAIGN_SCALE phải là số lớn hơn 0 và không quá 1, nhận được "${value}"`);
  }
  return scale;
}

function parseLoginRateLimit(value: string | undefined): number {
  if (!value?.trim()) return 10;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) {
    throw new Error(`LOGIN_RATE_LIMIT phải là số nguyên từ 1 đến 100000, nhận được "${value}"`);
  }
  return limit;
}

function parseTrustProxy(value: string | undefined): boolean | string {
  const text = value?.trim() ?? '';
  if (['', '0', 'false', 'off', 'no'].includes(text.toLowerCase())) return false;
  if (['1', 'true', 'on', 'yes'].includes(text.toLowerCase())) return true;
  if (!/^[0-9a-fA-F.:/,\s]+$/.test(text)) {
    throw new Error(
      `TRUST_PROXY phải là on/off hoặc danh sách địa chỉ proxy (ví dụ 127.0.0.1,10.0.0.0/8), nhận được "${value}"`,
    );
  }
  return text;
}
