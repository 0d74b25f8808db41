import { createHash } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding (no 0/1/8/9: fewer mix-ups when read aloud). */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/**
 * The short code two people compare by phone before pairing: 80 bits of SHA-256 over the device
 * id and both public keys, as 4 groups of 4 (e.g. `K7QX-2MDA-…`). A card whose keys were swapped
 * in transit shows a different code.
 */
export function fingerprintOf(card: { deviceId: string; signKey: string; ageRecipient: string }): string {
  const digest = createHash('sha256')
    .update(`yorisoi-fingerprint/v1\n${card.deviceId}\n${card.signKey}\n${card.ageRecipient}`)
    .digest();
  return base32(digest).slice(0, 16).match(/.{4}/g)!.join('-');
}
