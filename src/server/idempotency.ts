import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';
import { AppError } from './errors.ts';
import { addRouteHook } from './route-hooks.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { key: string; userKey: string } | null;
  }
  interface FastifyContextConfig {
    /** A POST that writes nothing (a calculation): no Idempotency-Key handling. */
    readOnly?: boolean;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A request still "in progress" after this long died with its process: a retry may take over. */
const ABANDONED_MS = 60_000;

/**
 * Idempotency-Key on every write, in one place. The first request with a key runs and its answer
 * is stored; a retry with the same key and body gets that answer again and writes nothing; the same
 * key with a different body is refused. A key is per user, so two users cannot collide.
 */
export function installIdempotency(app: FastifyInstance, { db, clock }: { db: Db; clock: Clock }): void {
  app.decorateRequest('idempotency', null);

  const claim = async (request: FastifyRequest, reply: FastifyReply, key: string) => {
    if (key.length < 8 || key.length > 128)
      throw new AppError('request.idempotency_key_invalid', {}, 'Idempotency-Key');
    const userKey = request.actor?.userId ? `user:${request.actor.userId}` : `ip:${request.ip}`;
    const route = request.routeOptions.url ?? request.url;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const now = clock.now();

    const inserted = await db
      .insertInto('idempotency_key')
      .values({
        key,
        user_key: userKey,
        method: request.method,
        route,
        request_hash: hash,
        status: null,
        response: null,
        created_at: now,
        request_id: request.id,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('key')
      .execute();
    if (inserted.length > 0) {
      request.idempotency = { key, userKey };
      return;
    }
    const stored = await db
      .selectFrom('idempotency_key')
      .selectAll()
      .where('user_key', '=', userKey)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!stored) return;
    if (stored.request_hash !== hash)
      throw new AppError('request.idempotency_conflict', {}, 'Idempotency-Key');
    if (stored.status === null) {
      // Its writes are in but its answer never was: running it again would write twice.
      if (stored.committed_at !== null) throw new AppError('request.already_applied');
      if (now.getTime() - stored.created_at.getTime() < ABANDONED_MS)
        throw new AppError('request.in_progress');
      // Died before writing anything: this retry takes the claim over (one retry only, if two race).
      const taken = await db
        .updateTable('idempotency_key')
        .set({ created_at: now, request_id: request.id })
        .where('user_key', '=', userKey)
        .where('key', '=', key)
        .where('request_id', 'is not distinct from', stored.request_id)
        .where('committed_at', 'is', null)
        .returning('key')
        .execute();
      if (taken.length === 0) throw new AppError('request.in_progress');
      request.idempotency = { key, userKey };
      return;
    }
    reply.header('idempotent-replayed', 'true');
    reply
      .status(stored.status)
      .type('application/json')
      .send(stored.response === null ? '' : JSON.stringify(stored.response));
    return 'replayed';
  };

  const record = async (
    reply: FastifyReply,
    idem: { key: string; userKey: string },
    payload: unknown,
  ): Promise<unknown> => {
    const where = db
      .updateTable('idempotency_key')
      .where('user_key', '=', idem.userKey)
      .where('key', '=', idem.key);
    if (reply.statusCode >= 500) {
      // A failure of ours: let the retry run again, unless the writes were already in.
      await db
        .deleteFrom('idempotency_key')
        .where('user_key', '=', idem.userKey)
        .where('key', '=', idem.key)
        .where('committed_at', 'is', null)
        .execute();
      return payload;
    }
    const text =
      typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
    let body: string | null = null;
    try {
      body = text ? JSON.stringify(JSON.parse(text)) : null;
    } catch {
      body = null;
    }
    await where.set({ status: reply.statusCode, response: body }).execute();
    return payload;
  };

  // Hooks on the write routes only: a read (the public calculator answers POSTs too, and says
  // `readOnly`) carries none of this. Callback hooks with a synchronous way through: a write without
  // a key costs no promise here.
  const preHandler = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string') return done();
    claim(request, reply, key).then((outcome) => {
      // A replayed answer has been sent from here: the handler must not run, so done is not called.
      if (outcome !== 'replayed') done();
    }, done);
  };
  const onSend = (
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (error: Error | null, payload?: unknown) => void,
  ) => {
    const idem = request.idempotency;
    if (!idem) return done(null, payload);
    request.idempotency = null;
    record(reply, idem, payload).then((out) => done(null, out), done);
  };

  // Registered before compression, so its onSend runs first and a stored answer is the JSON itself.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!route.url.startsWith('/api/v1/') || route.config?.readOnly) return;
    if (!methods.some((method) => WRITES.has(method))) return;
    addRouteHook(route, 'preHandler', preHandler);
    addRouteHook(route, 'onSend', onSend);
  });
}
