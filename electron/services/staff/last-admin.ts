import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { AppError } from '../../../shared/errors';

/** Someone must always be able to manage staff: refuses to demote or deactivate the last active administrator. */
export async function assertAnotherActiveAdmin(trx: Transaction<DB>, staffId: string): Promise<void> {
  const other = await trx
    .selectFrom('staff')
    .select('id')
    .where('role', '=', 'administrator')
    .where('active', '=', 1)
    .where('id', '!=', staffId)
    .limit(1)
    .executeTakeFirst();
  if (!other) throw new AppError('CONFLICT', 'This is the last active administrator.');
}
