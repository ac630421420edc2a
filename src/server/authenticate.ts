import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AccessService } from '../modules/access/access.service.ts';
import { AppError } from './errors.ts';

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
  app.addHook('preValidation', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/')) return;
    // Unknown paths (no route, or only the static files' catch-all) fall through to a 404, not a 401.
    const route = request.routeOptions.url;
    const isPublic = request.routeOptions.config?.public === true || route === undefined || route === '/*';
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
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, maxAge: number, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
