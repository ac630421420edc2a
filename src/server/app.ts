import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Actor } from '../modules/access/access.actor.ts';
import type { Clock } from '../platform/clock.ts';
import { installAuthentication } from './authenticate.ts';
import { installErrorHandling } from './error-handler.ts';
import { ERROR_TABLE } from './error-table.ts';
import { AppError } from './errors.ts';
import { ErrorBody } from './http.ts';
import { installIdempotency } from './idempotency.ts';
import { registerRoutes } from './routes.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { createServices, type Services } from './services.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

export interface AppOptions {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'secureCookies' | 'logLevel'> & Partial<Pick<Config, 'trustProxy'>>;
  /** Where the law in force is exported for the offline CLI (DATA_DIR). */
  dataDir?: string | null;
  /** Built web app to serve; null serves the API alone. */
  webRoot?: string | null;
  logger?: boolean;
  /** Sign-in attempts allowed per account and address per minute (LOGIN_RATE_LIMIT). */
  loginRateLimit?: number;
  version?: string;
}

export type App = FastifyInstance & { services: Services };

export async function createApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: options.config.logLevel,
            // Query strings carry names, IDs and phone numbers: the log keeps only method and path.
            serializers: {
              req: (req: { method: string; url: string }) => ({
                method: req.method,
                path: req.url.split('?')[0],
              }),
            },
          },
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    // Believing X-Forwarded-For from anyone would let a caller pick its own address, and with it
    // escape the sign-in rate limit and forge the audit log's "from where".
    trustProxy: options.config.trustProxy ?? false,
    ajv: {
      // verbose: a missing field's own schema (its example) reaches the error message.
      customOptions: {
        removeAdditional: true,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: true,
        verbose: true,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const services = createServices({ db: options.db, clock: options.clock, dataDir: options.dataDir ?? null });
  app.decorate('services', services);
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);

  installErrorHandling(app, ERROR_TABLE);
  app.addSchema(ErrorBody);

  installSecurityHeaders(app, { https: options.config.secureCookies });
  // Before compression, so a stored answer is the JSON itself, not its gzip.
  installIdempotency(app, { db: options.db, clock: options.clock });
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Điểm Tựa API',
        description:
          'API của Điểm Tựa: vận động, đăng ký, tính mức đóng BHXH tự nguyện và BHYT hộ gia đình, thu và báo cáo.',
        version: options.version ?? '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'dt_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (dt_…)' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installAuthentication(app, { access: services.access, secureCookies: options.config.secureCookies });

  // Healthy means the database answers too: a load balancer must not send people to an app whose
  // every page would fail.
  app.get('/api/health', { schema: { hide: true } }, async (_request, reply) => {
    const answered = await Promise.race([
      sql`select 1`.execute(options.db).then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => setTimeout(resolve, 2_000, false).unref()),
    ]);
    return answered ? { status: 'ok' } : reply.code(503).send({ status: 'unavailable' });
  });
  await app.register(registerRoutes, {
    prefix: '/api/v1',
    services,
    loginRateLimit: options.loginRateLimit ?? 10,
    secureCookies: options.config.secureCookies,
    version: options.version ?? '0.1.0',
  });

  const webRoot =
    options.webRoot && fs.existsSync(path.join(options.webRoot, 'index.html')) ? options.webRoot : null;
  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      // Files are looked up when asked for, so a rebuild while the server runs is served at once.
      wildcard: true,
      index: 'index.html',
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        // Hashed assets never change; the page, the service worker and the manifest must be re-checked.
        const immutable = /[\\/]assets[\\/]/.test(filePath);
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes have no file extension; a missing asset (/assets/x.js) is a real 404.
    const path = request.url.split('?')[0] ?? '';
    const isPage =
      request.method === 'GET' && webRoot && !path.startsWith('/api') && !/\.[a-z0-9]+$/i.test(path);
    if (isPage) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    throw new AppError('route.not_found', { path });
  });

  return app as unknown as App;
}
