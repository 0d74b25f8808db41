import type { Kysely, Transaction } from 'kysely';
import { keepVersion } from '../../../db/records/consultation';
import type { DB } from '../../../db/schema';
import type { ConsultationDetail } from '../../../shared/contract/consultations';
import { loadConsultation } from './load-consultation';

/**
 * The edit history of a consultation. The version it has now is the row itself; a version is
 * copied to `consultation_versions` only when an edit replaces it (issue 17: a record never
 * edited kept a full copy of itself, ~1.3 KB per consultation for nothing). The record writer
 * (db/records/consultation.ts) does this for its own edits; a conflict settled by taking a value
 * back (sync/local-change.ts) calls this before the row changes. Case files from before keep a
 * copy of every version, the current one too.
 */
export async function keepVersionBeforeEdit(trx: Transaction<DB>, id: string): Promise<void> {
  const row = await trx
    .selectFrom('consultations')
    .select(['version', 'updated_at', 'updated_by'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return;
  await keepVersion(trx, id, row.version, row.updated_at, row.updated_by, await loadConsultation(trx, id));
}

export interface VersionEntry {
  version: number;
  changedAt: string;
  changedBy: string;
  snapshot: Record<string, unknown>;
}

/** Every version, oldest first: the copies kept, then the current row (unless a copy holds it). */
export async function consultationVersions(
  db: Kysely<DB> | Transaction<DB>,
  current: ConsultationDetail,
): Promise<VersionEntry[]> {
  const rows = await db
    .selectFrom('consultation_versions as v')
    .innerJoin('staff as s', 's.id', 'v.changed_by')
    .select(['v.version', 'v.changed_at', 's.display_name', 'v.snapshot'])
    .where('v.consultation_id', '=', current.id)
    .orderBy('v.version')
    .execute();
  const kept: VersionEntry[] = rows.map((r) => ({
    version: r.version,
    changedAt: r.changed_at,
    changedBy: r.display_name,
    snapshot: JSON.parse(r.snapshot) as Record<string, unknown>,
  }));
  if (kept.some((k) => k.version === current.version)) return kept;
  const stamp = await db
    .selectFrom('consultations as c')
    .innerJoin('staff as s', 's.id', 'c.updated_by')
    .select(['c.updated_at', 's.display_name'])
    .where('c.id', '=', current.id)
    .executeTakeFirstOrThrow();
  kept.push({
    version: current.version,
    changedAt: stamp.updated_at,
    changedBy: stamp.display_name,
    snapshot: current as unknown as Record<string, unknown>,
  });
  return kept;
}
