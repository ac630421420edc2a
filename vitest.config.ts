import { defineConfig } from 'vitest/config';

// Two tiers run by `npm test`: pure tests, and tests that need PostgreSQL (database and HTTP).
// Each database test file gets its own database cloned from a migrated template (see test/db).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts', 'src/**/*.http.test.ts', 'bench/**/*.db.test.ts'],
        },
      },
      {
        test: {
          name: 'db',
          include: [
            'src/**/*.db.test.ts',
            'src/**/*.http.test.ts',
            'test/**/*.db.test.ts',
            'bench/**/*.db.test.ts',
          ],
          globalSetup: ['test/db/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
