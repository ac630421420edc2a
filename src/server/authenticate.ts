import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccessService } from '../modules/access/access.service.ts';
import { AppError } from './errors.ts';
import { addRouteHook } from './route-hooks.ts';

export const SESSION_COOKIE = 'dt_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes are closed by default; a public route says so. */
    public?: boolean;
  }
}

/**
 * Resolves the caller once per request, before validation (so 401 comes before 400): a Bearer API
 * token, else the session cookie. A cookie session must also present its CSRF token on every
 * state-changing request; tokens need not. Routes not marked public refuse anonymous callers.
 */
export function installAuthentication(
  app: FastifyInstance,
  { access, secureCookies }: { access: AccessService; secureCookies: boolean },
): void {
  const resolve = async (request: FastifyRequest, reply: FastifyReply, isPublic: boolean) => {
    const meta = { ip: request.ip ?? null, requestId: request.id };
    const authorization = request.headers.authorization;

    if (authorization?.startsWith('Bearer ')) {
      const actor = await access.authenticateToken(authorization.slice(7).trim(), meta);
      if (!actor) throw new AppError('auth.invalid_token');
      request.actor = actor;
      return;
    }

    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await access.authenticateSession(token, meta) : null;
    if (!session) {
      if (token) clearSessionCookie(reply, secureCookies);
      if (!isPublic) throw new AppError('auth.required');
      return;
    }
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('auth.csrf');
    }
  };

  // Each /api/v1 route gets the hook for its kind when it is registered, so a request pays no lookup
  // of its route's options; paths with no route fall through to a 404, not a 401. A callback hook
  // with a synchronous way through: an anonymous call to a public route (the calculator) costs no
  // promise here.
  const publicRoute = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (!request.headers.authorization && !request.headers.cookie) return done();
    resolve(request, reply, true).then(() => done(), done);
  };
  const closedRoute = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    resolve(request, reply, false).then(() => done(), done);
  };
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const hook = route.config?.public === true ? publicRoute : closedRoute;
    addRouteHook(route, 'preValidation', hook, 'first');
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, maxAge: number, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
