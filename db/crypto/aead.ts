import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM box as stored in the key-slot file (base64 fields). */
export interface SealedBox {
  nonce: string;
  ct: string;
  tag: string;
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): SealedBox {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    nonce: nonce.toString('base64'),
    ct: ct.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns null when the tag does not verify (wrong key or altered box). */
export function open(key: Buffer, box: SealedBox, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.nonce, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(box.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
