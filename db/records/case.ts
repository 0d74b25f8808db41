import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { CasesTable, DB } from '../schema';
import { plainRecord } from './write-record';

/** Cases (継続支援の単位). */
export const caseRecord = plainRecord('case');

/** A case by id, or NOT_FOUND with `message`. */
export async function requireCase(
  db: Kysely<DB>,
  id: string,
  message = 'No such case.',
): Promise<CasesTable> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', message);
  return row;
}
