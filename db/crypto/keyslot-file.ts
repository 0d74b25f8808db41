import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';

/**
 * The sidecar `<casefile>.keys`: the data key, sealed once per staff account and once for the
 * recovery code. A checksum over the body tells a damaged file (disk error, bad copy) apart
 * from a wrong passphrase; the GCM tags and their AAD (file id + slot id + login) stop slots
 * from being swapped between accounts or files.
 */
/** 512 MiB: four times the default cost (N=2^17, r=8 → 128 MiB). */
export const MAX_KDF_MEMORY = 512 * 1024 * 1024;
const box = z.object({ nonce: z.string(), ct: z.string(), tag: z.string() });
/**
 * The KDF cost is read from the file before anything is proven, so it is bounded: a sidecar
 * edited to ask for N=2^30 must be refused as damaged, not make the app allocate terabytes.
 */
const kdf = z
  .object({
    alg: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    salt: z.string().min(16).max(256),
  })
  .refine((k) => 128 * k.N * k.r <= MAX_KDF_MEMORY, 'KDF memory out of bounds');
const slot = z.object({
  id: z.string().uuid(),
  kind: z.enum(['staff', 'recovery']),
  login: z.string().nullable(),
  createdAt: z.string(),
  kdf,
  publicKey: z.string(),
  wrappedPrivateKey: box,
  sealedDataKey: box.extend({ epk: z.string() }),
  /**
   * The audit chain's MAC key, sealed to this slot's public key like the data key (so a new
   * slot can be given it without anyone's passphrase), and never derivable from the data key.
   * Absent in sidecars written before issue 16 (see `auditKey` below).
   */
  sealedAuditKey: box.extend({ epk: z.string() }).optional(),
});
/**
 * The newest audit entry the app saw, under the audit key (db/audit-chain/anchor.ts): kept here,
 * outside the case file, so cutting entries with the data key alone shows at the next sign-in.
 */
const anchor = z.object({
  id: z.number().int().nonnegative(),
  mac: z.string(),
  at: z.string(),
  tag: z.string(),
});
const body = z.object({
  format: z.literal('yorisoi-keyslots'),
  version: z.literal(1),
  fileId: z.string().uuid(),
  slots: z.array(slot),
  /**
   * The earlier format (before issue 16): the audit key sealed under a key derived from the data
   * key. Read once to move the key into the slots, then dropped.
   */
  auditKey: box.optional(),
  auditAnchor: anchor.optional(),
});
const fileSchema = body.extend({ checksum: z.string() });

export type KeySlot = z.infer<typeof slot>;
export type KeySlotBody = z.infer<typeof body>;
export type AuditAnchor = z.infer<typeof anchor>;

export function keyslotPath(casefile: string): string {
  return `${casefile}.keys`;
}

function checksumOf(b: KeySlotBody): string {
  return createHash('sha256').update(JSON.stringify(b)).digest('hex');
}

export function parseKeySlotFile(text: string): KeySlotBody {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('KEYSLOTS_DAMAGED', 'The key-slot file is not valid JSON.');
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('KEYSLOTS_DAMAGED', 'The key-slot file does not have the expected shape.');
  }
  const { checksum, ...rest } = parsed.data;
  if (checksumOf(rest) !== checksum) {
    throw new AppError('KEYSLOTS_DAMAGED', 'The key-slot file is damaged (checksum mismatch).');
  }
  return rest;
}

export function readKeySlotFile(path: string): KeySlotBody {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('KEYSLOTS_MISSING', `No key-slot file next to the case file: ${path}`);
    }
    throw e;
  }
  return parseKeySlotFile(text);
}

/** Write to a temp file, fsync, rename over, fsync the folder: never a half-written sidecar. */
export function writeFileAtomic(path: string, data: string | Buffer): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true }); // a full disk leaves no temp file behind either
    throw e;
  }
  try {
    const dfd = openSync(dirname(path), 'r');
    fsyncSync(dfd);
    closeSync(dfd);
  } catch {
    // Directory fsync is not supported on every platform (Windows); rename is still atomic.
  }
}

export function writeKeySlotFile(path: string, given: KeySlotBody): void {
  // one key order, the schema's, so the checksum reads back the same whatever built the body
  const b: KeySlotBody = {
    format: given.format,
    version: given.version,
    fileId: given.fileId,
    slots: given.slots.map((s) => slot.parse(s)),
    ...(given.auditKey ? { auditKey: given.auditKey } : {}),
    ...(given.auditAnchor ? { auditAnchor: anchor.parse(given.auditAnchor) } : {}),
  };
  const full = { ...b, checksum: checksumOf(b) };
  writeFileAtomic(path, JSON.stringify(full, null, 2) + '\n');
}
