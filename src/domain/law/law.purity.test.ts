import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The law core runs in the browser and takes time as data: no Node APIs, no clock, no I/O. */
const dir = new URL('./', import.meta.url);
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('the law core is pure', () => {
  it('has source files to check', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(sources)('%s imports no Node module, clock, network or storage', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    expect(text).not.toMatch(/from ['"]node:/);
    expect(text).not.toMatch(/from ['"](fs|path|os|http|https|pg|kysely|fastify)['"]/);
    expect(text).not.toMatch(/Date\.now\(|new Date\(\s*\)|performance\.now|Math\.random/);
    expect(text).not.toMatch(/\b(process|require|fetch|localStorage|XMLHttpRequest)\b\s*[.(]/);
  });
});
