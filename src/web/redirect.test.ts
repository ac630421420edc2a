import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect.ts';

describe('safeRedirect', () => {
  it('keeps a path inside the app, with its query', () => {
    expect(safeRedirect('/to-chuc?page=2')).toBe('/to-chuc?page=2');
  });
  it('sends anything else home', () => {
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      undefined,
      42,
    ]) {
      expect(safeRedirect(bad)).toBe('/');
    }
  });
});
