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

const SessionResponse = Type.Object({ user: MeSchema, csrfToken: Type.String() });

export const accessRoutes: FastifyPluginAsyncTypebox<{
  services: Services;
  loginRateLimit: number;
  secure: boolean;
}> = async (app, { services, loginRateLimit, secure }) => {
  app.post(
    '/auth/login',
    {
      config: {
        public: true,
        rateLimit: {
          max: loginRateLimit,
          timeWindow: 60_000,
          errorResponseBuilder: (_request, context) => {
            const error = new AppError('auth.rate_limited', {
              after: `${Math.ceil(context.ttl / 1000)} giây`,
            });
            (error as AppError & { statusCode: number }).statusCode = 429;
            return error;
          },
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
