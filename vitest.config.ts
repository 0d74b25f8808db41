import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{unit,db,services,sync,renderer}/**/*.test.{ts,tsx}'],
    // scrypt at full cost takes ≈0.5 s; tests use a lower cost through this variable
    // the CLI speaks Japanese unless told otherwise; most CLI tests read its English lines, and
    // tests/services/cli-language.test.ts checks the Japanese default without this variable
    env: { YORISOI_TEST_KDF_LOG2N: '12', YORISOI_LANG: 'en' },
    // a hang guard, not a timing target: on two loaded cores a letter test that meets a stuck
    // Chromium waits out the printer's step limit (15 s) and prints again in a fresh one
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
