import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';
import { open, seal, type SealedBox } from './aead';

/**
 * Each key slot holds an X25519 key pair whose private half is wrapped by the passphrase.
 * The data key is sealed to the public half, so an administrator can re-seal a new data key
 * to every slot (key rotation) without knowing anybody's passphrase.
 */
export interface SealedToKey extends SealedBox {
  epk: string;
}

export function newKeyPair(): { publicDer: Buffer; privateDer: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicDer: publicKey.export({ type: 'spki', format: 'der' }),
    privateDer: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

function sharedKey(priv: KeyObject, pub: KeyObject, epk: Buffer, rpk: Buffer): Buffer {
  const secret = diffieHellman({ privateKey: priv, publicKey: pub });
  return Buffer.from(hkdfSync('sha256', secret, Buffer.concat([epk, rpk]), 'yorisoi-keyslot-v1', 32));
}

export function sealTo(recipientPublicDer: Buffer, plaintext: Buffer, aad: string): SealedToKey {
  const eph = newKeyPair();
  const key = sharedKey(
    createPrivateKey({ key: eph.privateDer, format: 'der', type: 'pkcs8' }),
    createPublicKey({ key: recipientPublicDer, format: 'der', type: 'spki' }),
    eph.publicDer,
    recipientPublicDer,
  );
  const box = seal(key, plaintext, aad);
  key.fill(0);
  return { ...box, epk: eph.publicDer.toString('base64') };
}

export function openSealed(
  privateDer: Buffer,
  recipientPublicDer: Buffer,
  box: SealedToKey,
  aad: string,
): Buffer | null {
  try {
    const epk = Buffer.from(box.epk, 'base64');
    const key = sharedKey(
      createPrivateKey({ key: privateDer, format: 'der', type: 'pkcs8' }),
      createPublicKey({ key: epk, format: 'der', type: 'spki' }),
      epk,
      recipientPublicDer,
    );
    const out = open(key, box, aad);
    key.fill(0);
    return out;
  } catch {
    return null;
  }
}
