import { defineConfig } from 'vitest/config';

// End-to-end: the built renderer in Debian's Chromium against browser mode (npm run test:e2e).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    env: { YORISOI_TEST_KDF_LOG2N: '12' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
