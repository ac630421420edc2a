import type { RouteOptions } from 'fastify';

type HookName = 'preValidation' | 'preHandler' | 'onSend';

/**
 * Adds a hook to one route as it is registered (from an onRoute hook): the cross-cutting pieces
 * (sign-in, Idempotency-Key) go only on the routes that need them, decided once, not per request.
 */
export function addRouteHook(
  route: RouteOptions,
  name: HookName,
  hook: unknown,
  at: 'first' | 'last' = 'last',
) {
  const current = route[name] as unknown;
  const list = current === undefined ? [] : Array.isArray(current) ? current : [current];
  (route as unknown as Record<HookName, unknown[]>)[name] =
    at === 'first' ? [hook, ...list] : [...list, hook];
}
