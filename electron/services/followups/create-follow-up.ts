import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import type { FollowUpDto } from '../../../shared/contract/followups';
import { AppError } from '../../../shared/errors';
import { getFollowUpDto } from './follow-up-dto';
import { insertFollowUp, type NewFollowUp } from './insert-follow-up';
import type { WriteUnit } from '../unit-of-work';

/**
 * Checks what the follow-up points at (so a bad id is INVALID_INPUT, not a foreign-key failure)
 * and fills in the person from the case or consultation when the caller left it out.
 */
async function resolveLinks(trx: Transaction<DB>, f: NewFollowUp): Promise<NewFollowUp> {
  const personIds: (string | null)[] = [];
  if (f.caseId) {
    const c = await trx
      .selectFrom('cases')
      .select(['state', 'person_id'])
      .where('id', '=', f.caseId)
      .executeTakeFirst();
    if (!c) throw new AppError('INVALID_INPUT', 'No such case.');
    if (c.state !== 'open') throw new AppError('CONFLICT', 'The case is closed; reopen work in a new case.');
    personIds.push(c.person_id);
  }
  if (f.consultationId) {
    const c = await trx
      .selectFrom('consultations')
      .select('person_id')
      .where('id', '=', f.consultationId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!c) throw new AppError('INVALID_INPUT', 'No such consultation.');
    personIds.push(c.person_id);
  }
  const personId = f.personId ?? personIds.find((p) => p !== null) ?? null;
  if (personIds.some((p) => p !== null && p !== personId)) {
    throw new AppError(
      'INVALID_INPUT',
      'The follow-up names a different person than its case or consultation.',
    );
  }
  if (personId) {
    const p = await trx
      .selectFrom('persons')
      .select('id')
      .where('id', '=', personId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!p) throw new AppError('INVALID_INPUT', 'No such person.');
  }
  return { ...f, personId };
}

export async function createFollowUp(uow: WriteUnit, input: NewFollowUp): Promise<FollowUpDto> {
  const id = await insertFollowUp(uow.db, uow, await resolveLinks(uow.db, input));
  return getFollowUpDto(uow.db, id);
}
