import type { Transaction } from 'kysely';
import type { DB } from '../schema';
import type { OpWriter } from '../sync/op-log';

/**
 * Where a record is written: the use case's one transaction, the op writer (device, clock,
 * author) and the wall clock the row's stamps take. Built by the unit of work
 * (electron/services/unit-of-work.ts); the record writers never open a transaction.
 */
export interface RecordScope {
  readonly trx: Transaction<DB>;
  readonly writer: OpWriter;
  /** the acting staff member: created_by / updated_by */
  readonly staffId: string;
  /** the stamps' time (ISO); the demo generator moves it into the past */
  readonly now: () => string;
}
