import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers from helmet for pages, computed once at start-up and copied onto every response. Our
 * policy has no per-request nonces, so the headers never change; running helmet's middleware per
 * request re-parsed the CSP every time and cost 40% of the calculator API's throughput.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name];
    },
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd injects its CSS-in-JS as <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  })({} as IncomingMessage, response as unknown as ServerResponse, () => {});
  return headers;
}

/**
 * JSON responses are never rendered as documents, so they need the short set OWASP recommends for
 * REST APIs rather than the whole document policy: fewer bytes on every API response.
 */
export const API_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

const HSTS = 'Strict-Transport-Security';

/**
 * `https`: the app is served over HTTPS (behind the proxy, SECURE_COOKIES=on). Only then is HSTS
 * sent: browsers ignore it over plain HTTP (RFC 6797 §8.1), so there it is bytes and work for nothing.
 */
export function installSecurityHeaders(app: FastifyInstance, { https }: { https: boolean }): void {
  const withoutHsts = (headers: Record<string, string>) =>
    Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== HSTS.toLowerCase()));
  const documentHeaders = https ? securityHeaders() : withoutHsts(securityHeaders());
  const apiHeaders = https ? API_HEADERS : withoutHsts(API_HEADERS);
  app.addHook('onRequest', (request, reply, done) => {
    const api = request.url.startsWith('/api/') && !request.url.startsWith('/api/docs');
    reply.headers(api ? apiHeaders : documentHeaders);
    // Users quote this id when they report a problem; the logs carry it too.
    reply.header('x-request-id', request.id);
    done();
  });
}
