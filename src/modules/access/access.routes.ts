import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ROLES } from '../../domain/access/roles.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../server/authenticate.ts';
import { AppError } from '../../server/errors.ts';
import { Nullable, requireActor } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';

export const MeSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  fullName: Type.String(),
  role: Type.Enum([...ROLES]),
  orgUnit: Type.Object({
    id: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    network: Type.String(),
    provinceCode: Nullable(Type.String()),
  }),
});

/** Sign-in attempts per minute from one address, across accounts, as a multiple of the per-account limit. */
const ADDRESS_CEILING = 20;

/**
 * At most `max` takes per key in each window; `take` answers how many milliseconds to wait, 0 when
 * allowed. Past windows are dropped as new ones open, so the map holds one window's addresses.
 */
function fixedWindow(max: number, windowMs: number) {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return {
    take(key: string): number {
      const now = Date.now();
      if (now - windowStart >= windowMs) {
        windowStart = now;
        counts = new Map();
      }
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      return n > max ? windowStart + windowMs - now : 0;
    },
  };
}

const SessionResponse = Type.Object({ user: MeSchema, csrfToken: Type.String() });

export const accessRoutes: FastifyPluginAsyncTypebox<{
  services: Services;
  loginRateLimit: number;
  secure: boolean;
}> = async (app, { services, loginRateLimit, secure }) => {
  const addressCeiling = fixedWindow(loginRateLimit * ADDRESS_CEILING, 60_000);
  const limited = (_request: unknown, context: { ttl: number }) => {
    const error = new AppError('auth.rate_limited', { after: `${Math.ceil(context.ttl / 1000)} giây` });
    (error as AppError & { statusCode: number }).statusCode = 429;
    return error;
  };
  app.post(
    '/auth/login',
    {
      // And a ceiling per address across accounts (a post office's agents signing in at once fit
      // well under it), so one password tried on many accounts is stopped too. @fastify/rate-limit
      // runs one limit per request, so this one is counted here.
      onRequest: async (request) => {
        const wait = addressCeiling.take(request.ip);
        if (wait > 0) throw limited(request, { ttl: wait });
      },
      config: {
        public: true,
        // Counted per address and account, after the body is read: a post office's agents share
        // one address behind its router, and one of them mistyping must not lock the others out.
        rateLimit: {
          max: loginRateLimit,
          timeWindow: 60_000,
          hook: 'preHandler',
          // The account as sign-in finds it: ' Ghost' is 'ghost'.
          keyGenerator: (request) =>
            `${request.ip}|${String((request.body as { username?: string }).username ?? '')
              .trim()
              .toLowerCase()}`,
          errorResponseBuilder: limited,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập bằng mật khẩu; đặt cookie phiên (httpOnly).',
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 100 }),
          password: Type.String({ minLength: 1, maxLength: 200 }),
        }),
        response: { 200: SessionResponse },
      },
    },
    async (request, reply) => {
      const result = await services.access.login(request.body, { ip: request.ip, requestId: request.id });
      setSessionCookie(reply, result.token, result.maxAgeSeconds, secure);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Đăng xuất.', response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await services.access.logout(token);
      clearSessionCookie(reply, secure);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'Người dùng hiện tại.', response: { 200: SessionResponse } } },
    async (request) => {
      const actor = requireActor(request);
      const me = actor.userId ? await services.access.me(actor.userId) : null;
      if (!me) throw new AppError('auth.required');
      return { user: me, csrfToken: request.csrfToken ?? '' };
    },
  );
};
