import { randomBytes, scrypt } from 'node:crypto';

/**
 * scrypt is memory-hard and built into Node (no native add-on to rebuild for Electron).
 * N=2^17, r=8 costs ≈0.5 s and 128 MiB on this machine kind: slow enough to resist offline
 * guessing of a stolen sidecar, fast enough for a login.
 */
export interface KdfParams {
  alg: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
}

export const DEFAULT_KDF = { alg: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const;

/**
 * Tests may lower the cost through this variable, and only tests: it is read when vitest runs
 * the code (it sets VITEST), never in the app or the CLI, so a variable left in someone's shell
 * cannot make new key slots cheap to guess.
 */
function costFromEnv(): number {
  const log2 = benchLog2N ?? (process.env.VITEST ? Number(process.env.YORISOI_TEST_KDF_LOG2N) : NaN);
  return Number.isInteger(log2) && log2 >= 10 && log2 <= 20 ? 2 ** log2 : DEFAULT_KDF.N;
}

let benchLog2N: number | null = null;

/** The bench (run by tsx, not vitest) lowers the cost where unlocking is not what it measures. */
export function setBenchKdfLog2N(log2: number | null): void {
  benchLog2N = log2;
}

export function newKdfParams(): KdfParams {
  return { ...DEFAULT_KDF, N: costFromEnv(), salt: randomBytes(16).toString('base64') };
}

export function deriveKey(secret: string, params: KdfParams): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(
      Buffer.from(secret.normalize('NFC'), 'utf8'),
      Buffer.from(params.salt, 'base64'),
      32,
      { N: params.N, r: params.r, p: params.p, maxmem },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}
