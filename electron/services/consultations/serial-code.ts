import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { readMeta, writeMeta } from '../../../db/stores/meta';

/**
 * The device's letters in a record number (`R7-KT-000123`), so two devices of one center never
 * give out the same number while apart (issue 17). Letters that cannot be misread for a digit
 * or each other (no B/8, I/L/1, O/0, S/5, Z/2).
 */
const LETTERS = 'ACDEFGHJKMNPQRTUVWXY';
const META_KEY = 'serial_code';

/** The device's candidate codes, in order: a fixed sequence from its device id. */
function* candidates(deviceId: string): Generator<string> {
  for (let i = 0; ; i++) {
    const h = createHash('sha256').update(`${deviceId}:${i}`).digest();
    yield LETTERS[h[0]! % LETTERS.length]! + LETTERS[h[1]! % LETTERS.length]!;
  }
}

/** A device's first candidate: what a paired device will most likely use. */
export const firstCode = (deviceId: string) => candidates(deviceId).next().value as string;

const codeOf = (serial: string) => /^R\d+-([A-Z]{2})-\d+$/.exec(serial)?.[1] ?? null;

/**
 * This device's code: kept in meta with the device id it was chosen for, so a case file
 * restored from a backup (it takes a new device id) chooses again. A code is chosen clear of
 * every code in the record numbers of other devices here, of the code this file used before
 * (under the old device id), and of the first candidates of the devices it is paired with.
 */
export async function serialCode(trx: Transaction<DB>, deviceId: string): Promise<string> {
  const [forDevice, code] = ((await readMeta(trx, META_KEY)) ?? '').split(' ');
  if (forDevice === deviceId && code) return code;
  const taken = new Set<string>(code ? [code] : []);
  const others = await trx
    .selectFrom('consultations')
    .select('serial')
    .distinct()
    .where('origin_device', '<>', deviceId)
    .where(sql<boolean>`serial GLOB 'R*-[A-Z][A-Z]-*'`)
    .execute();
  for (const r of others) {
    const c = codeOf(r.serial);
    if (c) taken.add(c);
  }
  const peers = await trx.selectFrom('sync_peers').select('device_id').execute();
  for (const p of peers) taken.add(firstCode(p.device_id));
  let chosen = '';
  let i = 0;
  for (const c of candidates(deviceId)) {
    if (!taken.has(c) || ++i > 400) {
      chosen = c;
      break;
    }
  }
  await writeMeta(trx, META_KEY, `${deviceId} ${chosen}`);
  return chosen;
}

/**
 * After an import: another device's records use this device's code (two devices chose the same
 * before they ever met). This device chooses anew for its next records; true when it did.
 */
export async function dropClashingCode(trx: Transaction<DB>, deviceId: string): Promise<string | null> {
  const [forDevice, code] = ((await readMeta(trx, META_KEY)) ?? '').split(' ');
  if (forDevice !== deviceId || !code) return null;
  const clash = await trx
    .selectFrom('consultations')
    .select('id')
    .where('origin_device', '<>', deviceId)
    .where(sql<boolean>`serial GLOB ${`R*-${code}-*`}`)
    .executeTakeFirst();
  if (!clash) return null;
  await writeMeta(trx, META_KEY, `${deviceId}-cleared ${code}`);
  return code;
}
