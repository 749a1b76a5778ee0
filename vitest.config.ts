import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests talk to real Postgres and Redis; each file has its own schema and queue prefix.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
