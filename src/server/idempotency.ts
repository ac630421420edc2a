import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { key: string; userKey: string } | null;
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

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !WRITES.has(request.method) || !request.url.startsWith('/api/v1/')) return;
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
      if (now.getTime() - stored.created_at.getTime() < ABANDONED_MS)
        throw new AppError('request.in_progress');
      await db
        .updateTable('idempotency_key')
        .set({ created_at: now })
        .where('user_key', '=', userKey)
        .where('key', '=', key)
        .execute();
      request.idempotency = { key, userKey };
      return;
    }
    reply.header('idempotent-replayed', 'true');
    return reply
      .status(stored.status)
      .type('application/json')
      .send(stored.response === null ? '' : JSON.stringify(stored.response));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const idem = request.idempotency;
    if (!idem) return payload;
    request.idempotency = null;
    const where = db
      .updateTable('idempotency_key')
      .where('user_key', '=', idem.userKey)
      .where('key', '=', idem.key);
    if (reply.statusCode >= 500) {
      // A failure of ours: let the retry run again.
      await db
        .deleteFrom('idempotency_key')
        .where('user_key', '=', idem.userKey)
        .where('key', '=', idem.key)
        .execute();
      return payload;
    }
    const text = typeof payload === 'string' ? payload : '';
    let body: string | null = null;
    try {
      body = text ? JSON.stringify(JSON.parse(text)) : null;
    } catch {
      body = null;
    }
    await where.set({ status: reply.statusCode, response: body }).execute();
    return payload;
  });
}
