import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { fiscalYearPrefix } from '../../../shared/dates/fiscal-year';

/**
 * Next readable serial for this device and fiscal year: `R7-000123`. The counter lives in
 * meta, inside the caller's transaction, so two saves can never get the same number.
 * Serials are unique per device (origin_device, serial); the id is the true identity.
 */
export async function nextSerial(
  trx: Transaction<DB>,
  deviceId: string,
  fiscalYear: number,
): Promise<string> {
  const key = `serial:${deviceId}:${fiscalYear}`;
  const row = await trx.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  const n = Number(row?.value ?? 0) + 1;
  await trx
    .insertInto('meta')
    .values({ key, value: String(n) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(n) }))
    .execute();
  return `${fiscalYearPrefix(fiscalYear)}-${String(n).padStart(6, '0')}`;
}
