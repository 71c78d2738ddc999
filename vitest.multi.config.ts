import { defineConfig } from 'vitest/config';

// Multi-process tests: several real app processes on one PostgreSQL database (needs
// TEST_POSTGRES_URL; `npm test` runs them only then). One file at a time: they start servers.
export default defineConfig({
  test: {
    include: ['test/multi/**/*.test.ts'],
    globalSetup: ['test/multi/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
