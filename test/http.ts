import type { Db } from '../src/db/database.ts';
import { type Clock, fixedClock } from '../src/platform/clock.ts';
import { type App, createApp } from '../src/server/app.ts';

export async function buildApp(
  db: Db,
  options: { clock?: Clock; loginRateLimit?: number } = {},
): Promise<App> {
  const app = await createApp({
    db,
    clock: options.clock ?? fixedClock('2026-03-02T08:00:00+07:00'),
    config: { secureCookies: false, logLevel: 'silent' },
    webRoot: null,
    logger: false,
    loginRateLimit: options.loginRateLimit ?? 1000,
  });
  await app.ready();
  return app;
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Headers for a state-changing request as the browser sends them. */
  headers: Record<string, string>;
}

export async function login(app: App, username: string, password: string): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'dt_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = response.json().csrfToken as string;
  const header = `dt_session=${cookie.value}`;
  return { cookie: header, csrf, headers: { cookie: header, 'x-csrf-token': csrf } };
}
