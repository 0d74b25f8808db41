import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { nextCounter } from '../../../db/stores/meta';
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
  const n = await nextCounter(trx, `serial:${deviceId}:${fiscalYear}`);
  return `${fiscalYearPrefix(fiscalYear)}-${String(n).padStart(6, '0')}`;
}
