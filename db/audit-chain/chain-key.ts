import { hkdfSync, randomBytes } from 'node:crypto';
import { open, seal, type SealedBox } from '../crypto/aead';

/**
 * The audit chain's MAC key: 32 random bytes, kept in the key-slot sidecar sealed (AES-256-GCM)
 * under a key derived from the data key. So it is never a row in the case file (SQL access to
 * the tables alone cannot forge the chain), it survives a data-key rotation (re-sealed with the
 * slots, in the same crash-safe write), and it travels with every backup's key slots.
 */
const wrapKey = (dataKey: Buffer, fileId: string) =>
  Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(fileId, 'utf8'), 'yorisoi/audit-key-wrap/v1', 32));

const aad = (fileId: string) => `yorisoi/audit-key/${fileId}`;

export function newAuditKey(): Buffer {
  return randomBytes(32);
}

export function sealAuditKey(auditKey: Buffer, dataKey: Buffer, fileId: string): SealedBox {
  const k = wrapKey(dataKey, fileId);
  try {
    return seal(k, auditKey, aad(fileId));
  } finally {
    k.fill(0);
  }
}

/** null when the box does not open with this data key (altered, or from another file). */
export function openAuditKey(box: SealedBox, dataKey: Buffer, fileId: string): Buffer | null {
  const k = wrapKey(dataKey, fileId);
  try {
    const key = open(k, box, aad(fileId));
    return key && key.length === 32 ? key : null;
  } finally {
    k.fill(0);
  }
}
