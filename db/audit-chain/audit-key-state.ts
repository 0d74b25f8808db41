import { withAuditKey } from '../crypto/key-slots';
import {
  readKeySlotFile,
  writeKeySlotFile,
  type AuditAnchor,
  type KeySlotBody,
} from '../crypto/keyslot-file';
import { newAuditKey, openAuditKey } from './chain-key';

/**
 * Which audit key an unlock uses. The key is sealed in every key slot (issue 16); a sidecar of
 * the earlier format holds it once, under a key derived from the data key, and is moved into
 * the slots at this unlock. `fresh`: no key was found for this slot, so a new one is made — the
 * entries chained under the old key then fail verification, which is what a stripped sidecar
 * should look like. `none`: the sidecar held no audit key at all (a file from before 0007).
 */
export function auditKeyFor(
  body: KeySlotBody,
  fromSlot: Buffer | null,
  dataKey: Buffer,
): { auditKey: Buffer; fresh: boolean; none: boolean } {
  if (fromSlot) return { auditKey: fromSlot, fresh: false, none: false };
  const legacy = body.auditKey ? openAuditKey(body.auditKey, dataKey, body.fileId) : null;
  if (legacy) return { auditKey: legacy, fresh: false, none: false };
  const none = !body.auditKey && body.slots.every((s) => !s.sealedAuditKey);
  return { auditKey: newAuditKey(), fresh: true, none };
}

/**
 * Writes the audit state back to the key-slot file, read again just before (another process may
 * have changed it): the key sealed to every slot that lacks it, the earlier format's box
 * dropped, and the anchor moved to `anchor` (kept as it was when null).
 */
export function saveAuditState(
  keysPath: string,
  auditKey: Buffer,
  anchor: AuditAnchor | null,
  change: (body: KeySlotBody) => KeySlotBody = (b) => b,
): void {
  const current = change(readKeySlotFile(keysPath));
  const slots = current.slots.map((s) => (s.sealedAuditKey ? s : withAuditKey(current.fileId, s, auditKey)));
  const { auditKey: _earlier, auditAnchor, ...rest } = current;
  const next = anchor ?? auditAnchor;
  writeKeySlotFile(keysPath, { ...rest, slots, ...(next ? { auditAnchor: next } : {}) });
}
