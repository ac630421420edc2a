import { expect } from 'vitest';
import type { Db } from '../src/db/database.ts';
import { VSS_CENTRAL_CODE } from '../src/modules/orgs/orgs.seed.ts';
import { type Clock, fixedClock } from '../src/platform/clock.ts';
import { type App, createApp } from '../src/server/app.ts';
import { buildUser, enrollBody } from './factories.ts';

export async function buildApp(
  db: Db,
  options: {
    clock?: Clock;
    loginRateLimit?: number;
    https?: boolean;
    /** DATA_DIR: where the law is exported and reminders are logged (none by default). */
    dataDir?: string;
  } = {},
): Promise<App> {
  const app = await createApp({
    db,
    clock: options.clock ?? fixedClock('2026-03-02T08:00:00+07:00'),
    config: { secureCookies: options.https ?? false, logLevel: 'silent' },
    dataDir: options.dataDir ?? null,
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

/** A new central officer of Vietnam Social Security (the seeded 'BHXH-VN' unit), signed in. */
export async function centralOfficer(app: App, db: Db): Promise<Session> {
  const unit = await db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', VSS_CENTRAL_CODE)
    .executeTakeFirstOrThrow();
  const user = await buildUser(db, { role: 'central_officer', orgUnitId: unit.id });
  return login(app, user.username, user.password);
}

/** Enrolls a person through the API, expecting 201: where most registry tests begin. */
export async function enrollThrough(
  app: App,
  session: Session,
  overrides: Record<string, unknown> & { communeCode: string },
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/participants',
    headers: session.headers,
    payload: enrollBody(overrides),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; personalId: string };
}

/** Takes a payment from a person through the API. */
export function payThrough(app: App, session: Session, id: number, body: Record<string, unknown>) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/participants/${id}/payments`,
    headers: session.headers,
    payload: body,
  });
}
