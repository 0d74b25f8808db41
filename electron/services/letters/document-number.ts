import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { takeLetterSeq } from '../../../db/stores/letter-counters';
import { fiscalYearOf, fiscalYearPrefix } from '../../../shared/dates/fiscal-year';
import { firstCode, serialCode } from '../consultations/serial-code';

type Db = Kysely<DB> | Transaction<DB>;

export interface DocumentNumber {
  fiscalYear: number;
  seq: number;
  /** the device's two letters (its record-number code) */
  code: string;
  /** 埼難相第R7-KT-0012号 */
  text: string;
}

/**
 * The device's code as last chosen (serial-code.ts), or the one it will most likely choose; the
 * issuing transaction checks it (takeDocumentNumber), so a guess only costs a second rendering.
 */
async function currentCode(db: Db, deviceId: string): Promise<string> {
  const kept = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'serial_code')
    .executeTakeFirst();
  const [forDevice, code] = (kept?.value ?? '').split(' ');
  return forDevice === deviceId && code ? code : firstCode(deviceId);
}

/** The number the next letter of this device gets in the fiscal year of `issuedOn`. */
export async function peekDocumentNumber(
  db: Db,
  deviceId: string,
  issuedOn: string,
  symbol: string | null,
): Promise<DocumentNumber> {
  const fiscalYear = fiscalYearOf(issuedOn);
  const row = await db
    .selectFrom('letter_counters')
    .select('last_seq')
    .where('origin_device', '=', deviceId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  const seq = (row?.last_seq ?? 0) + 1;
  const code = await currentCode(db, deviceId);
  return { fiscalYear, seq, code, text: formatDocumentNumber(symbol, fiscalYear, seq, code) };
}

/**
 * `symbol第R7-KT-0001号`: the device's letters keep two devices of one center (or a PC restored
 * from a backup, which takes a new device id and new letters) from giving out the same number
 * while apart (issue 17), as record numbers do. Numbers given out before carry no letters
 * (`第R7-0001号`) and stay as they were printed.
 */
export function formatDocumentNumber(
  symbol: string | null,
  fiscalYear: number,
  seq: number,
  code: string,
): string {
  return `${symbol ?? ''}第${fiscalYearPrefix(fiscalYear)}-${code}-${String(seq).padStart(4, '0')}号`;
}

/**
 * Takes the number inside the issuing transaction: false when another issue took it since the
 * peek, or the device's letters are not the ones printed (the caller renders again).
 */
export async function takeDocumentNumber(
  trx: Transaction<DB>,
  deviceId: string,
  n: DocumentNumber,
): Promise<boolean> {
  if ((await serialCode(trx, deviceId)) !== n.code) return false;
  return takeLetterSeq(trx, deviceId, n.fiscalYear, n.seq);
}

/** A placeholder the preview prints where the number will go. */
export const previewNumber = (symbol: string | null) =>
  `${symbol ?? ''}第\u3000\u3000\u3000\u3000号（発行時に採番）`;
