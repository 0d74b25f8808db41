import { z } from 'zod';
import { AppError } from '../../shared/errors';

/**
 * A sync file (bundle or receipt) is an age file (encrypted to the recipient's X25519 key) whose
 * plaintext is:
 *   line 1  the manifest (JSON, below)
 *   line 2  {"alg":"ed25519","signature":"<base64>"}: the sender's signature over line 1's bytes
 *   line 3… a bundle's body, one JSON object per line (NDJSON): a snapshot's rows first, if any
 *           (db/sync/snapshot.ts), then the ops; a receipt has none
 * The manifest carries the body's SHA-256 and length, so the one signature covers the body too,
 * and the manifest can be checked (format, recipient, sender, signature) before any op is read.
 */
export const SYNC_FORMAT = 'yorisoi-sync';
/** the newest format this app reads; a bundle is written in the oldest that holds it */
export const SYNC_FORMAT_VERSION = 2;
/** format 2: a bundle may open with a snapshot of the rows (an app that reads only 1 refuses it) */
export const SNAPSHOT_FORMAT_VERSION = 2;
export const BASE_FORMAT_VERSION = 1;

const deviceId = z.string().min(1).max(100);
const vector = z.record(deviceId, z.number().int().nonnegative());

const common = {
  format: z.literal(SYNC_FORMAT),
  formatVersion: z.number().int().min(BASE_FORMAT_VERSION).max(SYNC_FORMAT_VERSION),
  id: z.string().uuid(),
  createdAt: z.string(),
  /** the sender's schema version: a newer sender may send fields this device will learn later */
  schemaVersion: z.number().int().positive(),
  sender: z.object({ deviceId, centerName: z.string().max(200) }),
  recipient: z.object({ deviceId }),
  /** the sender's version vector: what it holds (and so acknowledges) when it wrote the file */
  have: vector,
};

export const bundleManifest = z.object({
  ...common,
  kind: z.literal('bundle'),
  profile: z.enum(['full', 'statistics']),
  /** per origin, the first and last seq in the body */
  ranges: z.record(deviceId, z.tuple([z.number().int().positive(), z.number().int().positive()])),
  counts: z.object({ ops: z.number().int().nonnegative(), byEntity: z.record(z.string(), z.number().int()) }),
  body: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative() }),
  /**
   * The body opens with this many rows: the sender had pruned ops the recipient lacks. `floor`:
   * per origin, the seq up to which the rows hold every op's effect (db/sync/op-floor.ts).
   */
  snapshot: z.object({ rows: z.number().int().nonnegative(), floor: vector }).optional(),
});
export type BundleManifest = z.infer<typeof bundleManifest>;

export const receiptManifest = z.object({ ...common, kind: z.literal('receipt') });
export type ReceiptManifest = z.infer<typeof receiptManifest>;

export const signatureLine = z.object({ alg: z.literal('ed25519'), signature: z.string().min(1).max(200) });

/**
 * Reads a manifest line in the order that gives the clearest answer: not ours at all → CORRUPT;
 * ours but a newer format → TOO_NEW (its fields may have changed, so nothing else is read);
 * the other kind of file → WRONG_KIND; then the strict shape.
 */
export function parseManifest<K extends 'bundle' | 'receipt'>(
  text: string,
  kind: K,
): K extends 'bundle' ? BundleManifest : ReceiptManifest {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new AppError('BUNDLE_CORRUPT', 'The file does not start with a sync manifest.');
  }
  if (!raw || typeof raw !== 'object' || raw.format !== SYNC_FORMAT) {
    throw new AppError('BUNDLE_CORRUPT', 'This is not a Yorisoi sync file.');
  }
  if (typeof raw.formatVersion === 'number' && raw.formatVersion > SYNC_FORMAT_VERSION) {
    throw new AppError(
      'BUNDLE_TOO_NEW',
      `The file has sync format ${raw.formatVersion}; this app reads up to ${SYNC_FORMAT_VERSION}. Update the app.`,
    );
  }
  if (raw.kind !== kind) {
    throw new AppError('BUNDLE_WRONG_KIND', `Expected a ${kind}, got ${String(raw.kind)}.`);
  }
  const r = (kind === 'bundle' ? bundleManifest : receiptManifest).safeParse(raw);
  if (!r.success) throw new AppError('BUNDLE_CORRUPT', 'The sync manifest is malformed.');
  return r.data as K extends 'bundle' ? BundleManifest : ReceiptManifest;
}
