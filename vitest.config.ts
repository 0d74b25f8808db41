import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{unit,db,services,sync,renderer}/**/*.test.{ts,tsx}'],
    // scrypt at full cost takes ≈0.5 s; tests use a lower cost through this variable
    env: { YORISOI_TEST_KDF_LOG2N: '12' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
