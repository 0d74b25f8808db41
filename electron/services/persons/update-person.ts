import { writeAudit } from '../../../db/audit';
import { recordOp } from '../../../db/sync/op-log';
import type { PersonDetail } from '../../../shared/contract/persons';
import { AppError } from '../../../shared/errors';
import { nowIso, opWriter, requirePermission, todayLocal, type ServiceContext } from '../context';
import { todayIsTrusted } from '../sync/clock-check';
import { reindexPersonConsultations } from '../search/search-index';
import { personFields, toPersonDetail, type ParsedPerson } from './person-mapper';

/** Edits a person; only changed fields go to the op log. A stale version is a CONFLICT. */
export async function updatePerson(
  ctx: ServiceContext,
  id: string,
  expectedVersion: number,
  changes: ParsedPerson,
): Promise<PersonDetail> {
  requirePermission(ctx, 'person.edit');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before || before.deleted_at) throw new AppError('NOT_FOUND', 'No such person.');
    if (before.version !== expectedVersion) {
      throw new AppError('CONFLICT', `The person was changed meanwhile (version ${before.version}).`);
    }
    const trusted = await todayIsTrusted(ctx, trx);
    const next = personFields(changes, trusted ? todayLocal(ctx) : null);
    // a clock in doubt derives no new age band: the one the record has stays unless the birth date changed
    if (!trusted && next.birth_date === before.birth_date)
      next.age_band = before.age_band as typeof next.age_band;
    const changed = Object.fromEntries(
      Object.entries(next).filter(([k, v]) => (before as unknown as Record<string, unknown>)[k] !== v),
    );
    if (Object.keys(changed).length === 0) return toPersonDetail(before);
    const t = nowIso(ctx);
    await trx
      .updateTable('persons')
      .set({ ...changed, updated_at: t, updated_by: ctx.actor.id, version: before.version + 1 })
      .where('id', '=', id)
      .execute();
    const { search_text: _derived, ...synced } = changed;
    await recordOp(trx, opWriter(ctx), 'person', id, { ...synced, updated_at: t, updated_by: ctx.actor.id });
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'person.update',
      entity: 'person',
      entityId: id,
      detail: { fields: Object.keys(changed).filter((k) => k !== 'search_text') },
    });
    if ('search_text' in changed) await reindexPersonConsultations(trx, id);
    return toPersonDetail(
      await trx.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  });
}
