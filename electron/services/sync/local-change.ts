import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { DerivedRows } from '../../../db/sync/derived-rows';
import { LIST_FIELDS, tableOf } from '../../../db/sync/entities';
import { ConsultationListWriter } from '../../../db/sync/list-fields';
import { recordOp, type SyncedEntity } from '../../../db/sync/op-log';
import { readTableInfo } from '../../../db/sync/table-info';
import { AppError } from '../../../shared/errors';
import { nowIso, opWriter, type ServiceContext } from '../context';
import { keepVersionBeforeEdit } from '../consultations/version-snapshot';

/**
 * Writes some fields of a synced row as a local edit (the op, the row, its version, derived
 * rows, a consultation's history): used when a person settles a conflict by taking back the
 * value that was overwritten. Runs in the caller's transaction.
 */
export async function writeLocalFields(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  entity: string,
  entityId: string,
  fields: Record<string, unknown>,
): Promise<void> {
  const sqlite = ctx.caseFile.sqlite;
  const table = tableOf(entity);
  const info = table ? readTableInfo(sqlite, table) : null;
  if (!info) throw new AppError('NOT_FOUND', `This app does not know "${entity}" records yet.`);
  const t = nowIso(ctx);
  const stamped: Record<string, unknown> = { ...fields };
  if (info.columns.has('updated_at')) stamped.updated_at = t;
  if (info.columns.has('updated_by')) stamped.updated_by = ctx.actor.id;
  const lists = LIST_FIELDS[entity] ?? [];
  const columns = Object.keys(stamped).filter((c) => info.columns.has(c) && c !== 'id' && c !== 'login');
  const sets = [...columns.map((c) => `"${c}" = ?`), ...(info.hasVersion ? ['version = version + 1'] : [])];
  const values = columns.map((c) => {
    const v = stamped[c];
    return v !== null && typeof v === 'object' ? JSON.stringify(v) : (v as string | number | null);
  });
  if (entity === 'consultation') await keepVersionBeforeEdit(trx, entityId);
  const res = sqlite
    .prepare(`UPDATE "${info.name}" SET ${sets.join(', ')} WHERE id = ?`)
    .run(...values, entityId);
  if (res.changes !== 1) throw new AppError('NOT_FOUND', 'The record is not here.');
  const writer = new ConsultationListWriter(sqlite);
  for (const f of Object.keys(fields)) if (lists.includes(f)) writer.write(entityId, f, fields[f]);
  await recordOp(trx, opWriter(ctx), entity as SyncedEntity, entityId, stamped);
  const derived = new DerivedRows(sqlite);
  if (entity === 'person' && ('name' in fields || 'name_kana' in fields)) derived.personNameChanged(entityId);
  if (entity === 'consultation') derived.consultationChanged(entityId);
  derived.flush();
}

/** A row's current values of some columns (list fields and unknown columns are left out). */
export function currentValues(
  ctx: ServiceContext,
  entity: string,
  entityId: string,
  fields: string[],
): Record<string, unknown> {
  const table = tableOf(entity);
  const info = table ? readTableInfo(ctx.caseFile.sqlite, table) : null;
  const cols = info ? fields.filter((f) => info.columns.has(f)) : [];
  if (!info || cols.length === 0) return {};
  return (
    (ctx.caseFile.sqlite
      .prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${info.name}" WHERE id = ?`)
      .get(entityId) as Record<string, unknown> | undefined) ?? {}
  );
}
