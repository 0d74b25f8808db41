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

/** Tests may lower the cost through this variable; production never sets it. */
function costFromEnv(): number {
  const log2 = Number(process.env.YORISOI_TEST_KDF_LOG2N);
  return Number.isInteger(log2) && log2 >= 10 && log2 <= 20 ? 2 ** log2 : DEFAULT_KDF.N;
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
