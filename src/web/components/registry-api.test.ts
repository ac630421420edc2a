import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { isRetryable, newIdempotencyKey } from './registry-api.ts';

describe('idempotency keys', () => {
  it('are fresh random UUIDs the server accepts (8–128 characters)', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('are kept for a retry only when the server did not answer', () => {
    expect(isRetryable(new ApiError(0, 'network.offline', ''))).toBe(true);
    expect(isRetryable(new ApiError(503, 'http.503', ''))).toBe(true);
    expect(isRetryable(new ApiError(409, 'request.in_progress', ''))).toBe(true);
    expect(isRetryable(new ApiError(409, 'payment.amount_mismatch', 'Số tiền…'))).toBe(false);
    expect(isRetryable(new Error('boom'))).toBe(false);
  });
});
