import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { nextCounter } from '../../../db/stores/meta';
import { fiscalYearPrefix } from '../../../shared/dates/fiscal-year';
import { serialCode } from './serial-code';

/**
 * Next readable serial for this device and fiscal year: `R7-KT-000123` (KT: the device's code,
 * serial-code.ts). The counter lives in meta, inside the caller's transaction, so two saves can
 * never get the same number; the code keeps the numbers of a center's devices apart.
 */
export async function nextSerial(
  trx: Transaction<DB>,
  deviceId: string,
  fiscalYear: number,
): Promise<string> {
  const n = await nextCounter(trx, `serial:${deviceId}:${fiscalYear}`);
  return `${fiscalYearPrefix(fiscalYear)}-${await serialCode(trx, deviceId)}-${String(n).padStart(6, '0')}`;
}
