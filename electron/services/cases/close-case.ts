import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import type { CaseDto } from '../../../shared/contract/followups';
import { AppError } from '../../../shared/errors';
import type { Outcome } from '../../../shared/vocab/outcomes';
import { nowIso, recordsIn, requirePermission } from '../context';
import { type WriteUnit, type UnitOfWork } from '../unit-of-work';
import { toCaseDto } from './case-dto';

/**
 * Closes a case with its outcome (転帰). Its open follow-ups are left as they are: they are
 * still work someone has to finish or cancel, and the daily view keeps showing them.
 */
export async function closeCase(
  uow: WriteUnit,
  id: string,
  outcome: Outcome,
  outcomeNote: string | null,
): Promise<CaseDto> {
  return closeCaseTx(uow.db, uow, id, outcome, outcomeNote);
}

/** The same inside a caller's transaction (the demo generator closes cases as it records). */
export async function closeCaseTx(
  trx: Transaction<DB>,
  ctx: UnitOfWork,
  id: string,
  outcome: Outcome,
  outcomeNote: string | null,
): Promise<CaseDto> {
  requirePermission(ctx, 'case.manage');
  {
    const before = await trx.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'No such case.');
    if (before.state !== 'open') throw new AppError('CONFLICT', 'The case is already closed.');
    const t = nowIso(ctx);
    // only what differs goes to the op log (a case opened by hand has no note to clear)
    const changed = await recordsIn(trx, ctx).case.update(before, {
      state: 'closed',
      closed_at: t,
      outcome,
      outcome_note: outcomeNote,
    });
    ctx.audit.note('case.close', {
      entity: 'case',
      entityId: id,
      detail: { fields: changed, outcome },
    });
    return toCaseDto(
      await trx.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  }
}
