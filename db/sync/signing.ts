import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';

/** Ed25519 with Node's crypto: keys as text (private: PKCS#8 DER base64; public: raw base64url). */
export function newSigningKeys(): { privateDer: string; publicRaw: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    privateDer: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicRaw: publicKey.export({ format: 'jwk' }).x!,
  };
}

export function signText(privateDer: string, text: string | Uint8Array): string {
  const key = createPrivateKey({ key: Buffer.from(privateDer, 'base64'), format: 'der', type: 'pkcs8' });
  return sign(null, typeof text === 'string' ? Buffer.from(text, 'utf8') : text, key).toString('base64');
}

/** False for a wrong signature and for a malformed key or signature (never throws). */
export function verifyText(publicRaw: string, text: string | Uint8Array, signature: string): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicRaw }, format: 'jwk' });
    const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    return verify(null, data, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
