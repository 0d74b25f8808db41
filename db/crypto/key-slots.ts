import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { open, seal } from './aead';
import { deriveKey, newKdfParams } from './kdf';
import type { KeySlot, KeySlotBody } from './keyslot-file';
import { newKeyPair, openSealed, sealTo } from './x25519-seal';

/** Logins compare case- and width-insensitively: ＹＡＭＡＤＡ and yamada are one account. */
export function normalizeLogin(login: string): string {
  return login.normalize('NFKC').trim().toLowerCase();
}

const privAad = (fileId: string, s: { id: string; login: string | null }) =>
  `yorisoi/priv/${fileId}/${s.id}/${s.login ?? '#recovery'}`;
const dataAad = (fileId: string, s: { id: string }) => `yorisoi/data/${fileId}/${s.id}`;
const auditAad = (fileId: string, s: { id: string }) => `yorisoi/audit/${fileId}/${s.id}`;

export async function makeSlot(
  fileId: string,
  kind: KeySlot['kind'],
  login: string | null,
  secret: string,
  dataKey: Buffer,
  auditKey?: Buffer,
): Promise<KeySlot> {
  const id = randomUUID();
  const kdf = newKdfParams();
  const kek = await deriveKey(secret, kdf);
  const pair = newKeyPair();
  const head = { id, login };
  const s: KeySlot = {
    id,
    kind,
    login,
    createdAt: new Date().toISOString(),
    kdf,
    publicKey: pair.publicDer.toString('base64'),
    wrappedPrivateKey: seal(kek, pair.privateDer, privAad(fileId, head)),
    sealedDataKey: sealTo(pair.publicDer, dataKey, dataAad(fileId, head)),
  };
  kek.fill(0);
  pair.privateDer.fill(0);
  return auditKey ? withAuditKey(fileId, s, auditKey) : s;
}

/**
 * Seals the audit chain's key to a slot's public key (no passphrase needed, like a re-keyed data
 * key). Whoever holds only the data key cannot open it: the audit key is not derived from it.
 */
export function withAuditKey(fileId: string, s: KeySlot, auditKey: Buffer): KeySlot {
  return {
    ...s,
    sealedAuditKey: sealTo(Buffer.from(s.publicKey, 'base64'), auditKey, auditAad(fileId, s)),
  };
}

/** Re-seal a (new) data key to an existing slot's public key: no passphrase needed. */
export function resealSlot(fileId: string, s: KeySlot, dataKey: Buffer): KeySlot {
  return {
    ...s,
    sealedDataKey: sealTo(Buffer.from(s.publicKey, 'base64'), dataKey, dataAad(fileId, s)),
  };
}

/** Re-wrap a slot's private key under a new passphrase, keeping its key pair. */
export async function rewrapSlot(
  fileId: string,
  s: KeySlot,
  oldSecret: string,
  newSecret: string,
): Promise<KeySlot> {
  const priv = await unwrapPrivate(fileId, s, oldSecret);
  const kdf = newKdfParams();
  const kek = await deriveKey(newSecret, kdf);
  const out = { ...s, kdf, wrappedPrivateKey: seal(kek, priv, privAad(fileId, s)) };
  kek.fill(0);
  priv.fill(0);
  return out;
}

async function unwrapPrivate(fileId: string, s: KeySlot, secret: string): Promise<Buffer> {
  const kek = await deriveKey(secret, s.kdf);
  const priv = open(kek, s.wrappedPrivateKey, privAad(fileId, s));
  kek.fill(0);
  if (!priv) {
    throw s.kind === 'recovery'
      ? new AppError('WRONG_RECOVERY_CODE', 'The recovery code is not correct.')
      : new AppError('WRONG_PASSPHRASE', 'The passphrase is not correct.');
  }
  return priv;
}

/** Passphrase (or recovery code) → data key. */
export async function unwrapDataKey(fileId: string, s: KeySlot, secret: string): Promise<Buffer> {
  return (await unwrapSlot(fileId, s, secret)).dataKey;
}

/**
 * Passphrase (or recovery code) → the data key, and the audit key when the slot holds one
 * (null: a slot from before issue 16, or one not given the key yet).
 */
export async function unwrapSlot(
  fileId: string,
  s: KeySlot,
  secret: string,
): Promise<{ dataKey: Buffer; auditKey: Buffer | null }> {
  const priv = await unwrapPrivate(fileId, s, secret);
  const pub = Buffer.from(s.publicKey, 'base64');
  try {
    const dataKey = openSealed(priv, pub, s.sealedDataKey, dataAad(fileId, s));
    if (!dataKey || dataKey.length !== 32) {
      throw new AppError('KEYSLOTS_DAMAGED', 'The key slot opened but its data key is damaged.');
    }
    if (!s.sealedAuditKey) return { dataKey, auditKey: null };
    const auditKey = openSealed(priv, pub, s.sealedAuditKey, auditAad(fileId, s));
    if (!auditKey || auditKey.length !== 32) {
      dataKey.fill(0);
      throw new AppError('KEYSLOTS_DAMAGED', 'The key slot opened but its audit key is damaged.');
    }
    return { dataKey, auditKey };
  } finally {
    priv.fill(0);
  }
}

export function findStaffSlot(body: KeySlotBody, login: string): KeySlot {
  const want = normalizeLogin(login);
  const s = body.slots.find((x) => x.kind === 'staff' && x.login === want);
  if (!s) throw new AppError('UNKNOWN_LOGIN', `No account with the login "${login}".`);
  return s;
}

export function findRecoverySlot(body: KeySlotBody): KeySlot {
  const s = body.slots.find((x) => x.kind === 'recovery');
  if (!s) throw new AppError('KEYSLOTS_DAMAGED', 'The key-slot file has no recovery slot.');
  return s;
}
