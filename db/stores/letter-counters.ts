import type { Transaction } from 'kysely';
import type { DB } from '../schema';

/**
 * Per device and fiscal year, the last letter document number it gave out (table
 * `letter_counters`, never synced: each device counts its own, and its letters' code keeps
 * them apart: electron/services/letters/document-number.ts).
 */
export async function takeLetterSeq(
  trx: Transaction<DB>,
  deviceId: string,
  fiscalYear: number,
  seq: number,
): Promise<boolean> {
  if (seq === 1) {
    const r = await trx
      .insertInto('letter_counters')
      .values({ origin_device: deviceId, fiscal_year: fiscalYear, last_seq: 1 })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await trx
    .updateTable('letter_counters')
    .set({ last_seq: seq })
    .where('origin_device', '=', deviceId)
    .where('fiscal_year', '=', fiscalYear)
    .where('last_seq', '=', seq - 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
