import type { CaseDto } from '../../../shared/contract/followups';
import { AppError } from '../../../shared/errors';
import type { WriteUnit } from '../unit-of-work';
import { toCaseDto } from './case-dto';
import { insertCase } from './insert-case';

/** Opens a case by hand; the person and the owner must exist (INVALID_INPUT otherwise). */
export async function openCase(
  ctx: WriteUnit,
  input: { personId?: string | null; title: string; ownerId?: string },
): Promise<CaseDto> {
  const trx = ctx.db;
  const personId = input.personId ?? null;
  if (personId) {
    const p = await trx
      .selectFrom('persons')
      .select('id')
      .where('id', '=', personId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!p) throw new AppError('INVALID_INPUT', 'No such person.');
  }
  // insertCase checks the owner (an active staff member)
  const id = await insertCase(trx, ctx, { personId, title: input.title, ownerId: input.ownerId });
  return toCaseDto(await trx.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}
