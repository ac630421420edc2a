import { describe, expect, it } from 'vitest';
import { withQuery } from './api.ts';

describe('withQuery', () => {
  it('drops empty filters so the server sees only what the user chose', () => {
    expect(
      withQuery('/units', { search: 'ha noi', province: undefined, level: '', limit: 20, offset: 0 }),
    ).toBe('/units?search=ha+noi&limit=20&offset=0');
  });
  it('leaves a path without filters alone', () => {
    expect(withQuery('/system')).toBe('/system');
  });
});
