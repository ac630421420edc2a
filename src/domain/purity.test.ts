import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The domain core takes plain data and returns plain data. It must stay runnable in the browser
// and free of I/O and hidden clocks, so the same code prices a quote on the server, in the CLI
// and on the public calculator page.
const DOMAIN = path.resolve(import.meta.dirname);
const FORBIDDEN_IMPORTS = [
  /^node:/,
  /^(fs|path|os|http|https|net|child_process|crypto)$/,
  /^pg$/,
  /^kysely/,
  /^fastify/,
  /^@fastify\//,
  /\.\.\/(\.\.\/)?(server|modules|db|cli|web|platform)\//,
];
const HIDDEN_CLOCK = /\bDate\.now\(\)|\bnew Date\(\)|\bperformance\.now\(\)|\bMath\.random\(\)/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('the pure domain core', () => {
  const files = sources(DOMAIN);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files.map((f) => [path.relative(DOMAIN, f), f]))(
    '%s imports no I/O, server or database code',
    (_name, file) => {
      const text = fs.readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      const offending = imports.filter((spec) => FORBIDDEN_IMPORTS.some((rule) => rule.test(spec)));
      expect(offending).toEqual([]);
    },
  );

  it.each(files.map((f) => [path.relative(DOMAIN, f), f]))(
    '%s reads no hidden clock or randomness',
    (_name, file) => {
      const text = fs.readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
      expect(text.match(HIDDEN_CLOCK)).toBeNull();
    },
  );
});
