import type { Transaction } from 'kysely';
import { writeAudit } from '../../../db/audit';
import type { DB } from '../../../db/schema';
import { recordOp } from '../../../db/sync/op-log';
import type { CaseDto } from '../../../shared/contract/followups';
import { AppError } from '../../../shared/errors';
import type { Outcome } from '../../../shared/vocab/outcomes';
import { nowIso, opWriter, requirePermission, type ServiceContext } from '../context';
import { toCaseDto } from './case-dto';

/**
 * Closes a case with its outcome (転帰). Its open follow-ups are left as they are: they are
 * still work someone has to finish or cancel, and the daily view keeps showing them.
 */
export async function closeCase(
  ctx: ServiceContext,
  id: string,
  outcome: Outcome,
  outcomeNote: string | null,
): Promise<CaseDto> {
  requirePermission(ctx, 'case.manage');
  return ctx.db.transaction().execute((trx) => closeCaseTx(trx, ctx, id, outcome, outcomeNote));
}

/** The same inside a caller's transaction (the demo generator closes cases as it records). */
export async function closeCaseTx(
  trx: Transaction<DB>,
  ctx: ServiceContext,
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
    const next = { state: 'closed' as const, closed_at: t, outcome, outcome_note: outcomeNote };
    // only what differs goes to the op log (a case opened by hand has no note to clear)
    const changed = Object.fromEntries(
      Object.entries(next).filter(([k, v]) => (before as unknown as Record<string, unknown>)[k] !== v),
    ) as Partial<typeof next>;
    const res = await trx
      .updateTable('cases')
      .set({ ...changed, updated_at: t, updated_by: ctx.actor.id, version: before.version + 1 })
      .where('id', '=', id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'The case was changed meanwhile.');
    await recordOp(trx, opWriter(ctx), 'case', id, { ...changed, updated_at: t, updated_by: ctx.actor.id });
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'case.close',
      entity: 'case',
      entityId: id,
      detail: { fields: Object.keys(changed), outcome },
    });
    return toCaseDto(
      await trx.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  }
}
