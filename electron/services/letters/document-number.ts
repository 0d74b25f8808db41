import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { fiscalYearOf, fiscalYearPrefix } from '../../../shared/dates/fiscal-year';

type Db = Kysely<DB> | Transaction<DB>;

export interface DocumentNumber {
  fiscalYear: number;
  seq: number;
  /** 埼難相第R7-0012号 */
  text: string;
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
  return { fiscalYear, seq, text: formatDocumentNumber(symbol, fiscalYear, seq) };
}

export function formatDocumentNumber(symbol: string | null, fiscalYear: number, seq: number): string {
  return `${symbol ?? ''}第${fiscalYearPrefix(fiscalYear)}-${String(seq).padStart(4, '0')}号`;
}

/**
 * Takes the number inside the issuing transaction: false when another issue took it since the
 * peek (the caller renders again with the next one).
 */
export async function takeDocumentNumber(
  trx: Transaction<DB>,
  deviceId: string,
  n: DocumentNumber,
): Promise<boolean> {
  if (n.seq === 1) {
    const r = await trx
      .insertInto('letter_counters')
      .values({ origin_device: deviceId, fiscal_year: n.fiscalYear, last_seq: 1 })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await trx
    .updateTable('letter_counters')
    .set({ last_seq: n.seq })
    .where('origin_device', '=', deviceId)
    .where('fiscal_year', '=', n.fiscalYear)
    .where('last_seq', '=', n.seq - 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A placeholder the preview prints where the number will go. */
export const previewNumber = (symbol: string | null) =>
  `${symbol ?? ''}第\u3000\u3000\u3000\u3000号（発行時に採番）`;
