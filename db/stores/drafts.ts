import type { Kysely } from 'kysely';
import type { DB } from '../schema';

/**
 * Unsaved forms (table `drafts`, never synced, no op, no audit entry per keystroke): one per
 * user and kind, inside the encrypted case file so a lock or a crash never loses what was typed.
 */
const draftId = (staffId: string, kind: string) => `${staffId}:${kind}`;

export async function readDraft(
  db: Kysely<DB>,
  staffId: string,
  kind: string,
): Promise<{ data: Record<string, unknown>; updatedAt: string } | null> {
  const row = await db
    .selectFrom('drafts')
    .select(['data', 'updated_at'])
    .where('id', '=', draftId(staffId, kind))
    .executeTakeFirst();
  return row ? { data: JSON.parse(row.data) as Record<string, unknown>, updatedAt: row.updated_at } : null;
}

export async function writeDraft(
  db: Kysely<DB>,
  d: { staffId: string; kind: string; data: Record<string, unknown>; updatedAt: string },
): Promise<void> {
  const data = JSON.stringify(d.data);
  await db
    .insertInto('drafts')
    .values({
      id: draftId(d.staffId, d.kind),
      staff_id: d.staffId,
      kind: d.kind,
      data,
      updated_at: d.updatedAt,
    })
    .onConflict((oc) => oc.column('id').doUpdateSet({ data, updated_at: d.updatedAt }))
    .execute();
}

export async function deleteDraft(db: Kysely<DB>, staffId: string, kind: string): Promise<void> {
  await db.deleteFrom('drafts').where('id', '=', draftId(staffId, kind)).execute();
}
