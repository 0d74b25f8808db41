import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';
import { fixedRows } from '../sqlite/fixed-sql';
import { newSigningKeys } from './signing';

type Db = Kysely<DB> | Transaction<DB>;

export type SyncMode = 'center' | 'prefecture';

/**
 * This installation's sync identity. The private halves stay in `meta`, inside the encrypted
 * case file: never in a plain file, and a backup restored elsewhere carries them only encrypted.
 */
export interface DeviceIdentity {
  deviceId: string;
  centerName: string;
  /** the center's id (meta, 0010): every device of one center restored from its backups shares it */
  centerId: string;
  mode: SyncMode;
  signPublic: string;
  signPrivate: string;
  ageIdentity: string;
  ageRecipient: string;
}

const KEYS = {
  signPrivate: 'sync_sign_private',
  signPublic: 'sync_sign_public',
  ageIdentity: 'sync_age_identity',
  ageRecipient: 'sync_age_recipient',
  /** the device id the keys were made for */
  keysFor: 'sync_keys_device',
} as const;

export async function readMeta(db: Db, key: string): Promise<string | null> {
  // fixed SQL (db/sqlite/fixed-sql.ts): a save reads several settings
  const [row] = await fixedRows<{ value: string }>(db, `SELECT value FROM meta WHERE key = ?`, [key]);
  return row?.value ?? null;
}

export async function writeMeta(db: Db, key: string, value: string): Promise<void> {
  // fixed SQL: every save moves the record number's counter (nextCounter, db/stores/meta.ts)
  await fixedRows(
    db,
    `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [key, value],
  );
}

export async function syncMode(db: Db): Promise<SyncMode> {
  return (await readMeta(db, 'sync_mode')) === 'prefecture' ? 'prefecture' : 'center';
}

/** The identity, made on first use (Ed25519 to sign, X25519 as an age identity to receive). */
export async function ensureIdentity(db: Db): Promise<DeviceIdentity> {
  const deviceId = await readMeta(db, 'device_id');
  if (!deviceId) throw new Error('The case file has no device id.');
  let signPrivate = await readMeta(db, KEYS.signPrivate);
  let signPublic = await readMeta(db, KEYS.signPublic);
  let ageIdentity = await readMeta(db, KEYS.ageIdentity);
  let ageRecipient = await readMeta(db, KEYS.ageRecipient);
  // a copy restored from a backup takes a new device id: it must not sign as the old device
  const keysFor = await readMeta(db, KEYS.keysFor);
  if (!signPrivate || !signPublic || !ageIdentity || !ageRecipient || keysFor !== deviceId) {
    const sign = newSigningKeys();
    signPrivate = sign.privateDer;
    signPublic = sign.publicRaw;
    ageIdentity = await generateX25519Identity();
    ageRecipient = await identityToRecipient(ageIdentity);
    for (const [k, v] of [
      [KEYS.signPrivate, signPrivate],
      [KEYS.signPublic, signPublic],
      [KEYS.ageIdentity, ageIdentity],
      [KEYS.ageRecipient, ageRecipient],
      [KEYS.keysFor, deviceId],
    ] as const) {
      await writeMeta(db, k, v);
    }
  }
  return {
    deviceId,
    centerName: (await readMeta(db, 'center_name')) ?? '',
    centerId: (await readMeta(db, 'center_id')) ?? deviceId,
    mode: await syncMode(db),
    signPublic,
    signPrivate,
    ageIdentity,
    ageRecipient,
  };
}
