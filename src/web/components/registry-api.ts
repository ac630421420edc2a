/**
 * Writes that move money or create a record carry an Idempotency-Key. The same submission retried
 * after a dropped connection keeps its key, so the server answers it once; anything the server did
 * answer (success or refusal) ends the submission, and the next one gets a fresh key.
 */
import { useMemo, useRef } from 'react';
import { ApiError, type RequestOptions } from '../api.ts';

/** A random v4 UUID; `crypto.randomUUID` exists only on HTTPS pages, a village LAN may be plain HTTP. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The server never answered (or failed on its side): the same request may safely be sent again. */
export function isRetryable(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 0 || error.status >= 500 || error.code === 'request.in_progress')
  );
}

export interface IdempotencyKeys {
  /** The headers for sending `body`: the pending key when it is the same submission, else a new one. */
  headers(body: unknown): RequestOptions;
  /** Call when the request ends; a retryable failure keeps the key for the retry. */
  settle(error?: unknown): void;
}

export function useIdempotencyKey(): IdempotencyKeys {
  const pending = useRef<{ body: string; key: string } | null>(null);
  return useMemo(
    () => ({
      headers(body) {
        const text = JSON.stringify(body ?? null);
        if (pending.current?.body !== text) pending.current = { body: text, key: newIdempotencyKey() };
        return { headers: { 'Idempotency-Key': pending.current.key } };
      },
      settle(error) {
        if (error && isRetryable(error)) return;
        pending.current = null;
      },
    }),
    [],
  );
}

export const registryKeys = {
  participants: ['registry', 'participants'] as const,
  participant: (id: number) => ['registry', 'participant', id] as const,
  timeline: (id: number) => ['registry', 'timeline', id] as const,
  worklist: ['registry', 'worklist'] as const,
  receipt: (number: string) => ['registry', 'receipt', number] as const,
  cash: ['registry', 'cash'] as const,
  households: ['registry', 'households'] as const,
  household: (id: number) => ['registry', 'household', id] as const,
};
