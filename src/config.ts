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
  logLevel: string;
  /** Cookies get the Secure flag when the app is served over HTTPS. */
  secureCookies: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: path.resolve(env.DATA_DIR?.trim() || 'data'),
    port: parsePort(env.PORT, 3000),
    host: env.HOST?.trim() || '0.0.0.0',
    demo: !['0', 'false', 'off', 'no'].includes((env.DEMO ?? 'on').toLowerCase()),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    secureCookies: ['1', 'true', 'on'].includes((env.SECURE_COOKIES ?? '').toLowerCase()),
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
