import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { DB, FollowUpsTable } from '../schema';
import { plainRecord } from './write-record';

/** Follow-ups (継続支援の予定): by hand, from intake, referrals and coordination call-backs. */
export const followUpRecord = plainRecord('follow_up');

/** The follow-up an action applies to, or NOT_FOUND. */
export async function loadFollowUp(db: Kysely<DB>, id: string): Promise<FollowUpsTable> {
  const row = await db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such follow-up.');
  return row;
}
