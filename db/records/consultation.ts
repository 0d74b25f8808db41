import type { Kysely, Transaction } from 'kysely';
import type { ConsultationsTable, DB } from '../schema';
import type { RecordScope } from './record-scope';
import { insertRows } from './insert-rows';
import { upsertSearchDoc } from './search-docs';
import { insertRecord, updateRecord, type NewRecord, type RecordChanges } from './write-record';

/** The multi-valued parts, as the op log carries them (one field each; db/sync/list-fields.ts). */
export interface ConsultationLists {
  categories: { code: string; main: boolean }[];
  responses: string[];
  diseases: { number: number; listVersion: string }[];
  responders: { staffId: string; profession: string }[];
}

/**
 * The state kept in the edit history for a version (the detail the screen shows), read before
 * an edit replaces it, in the same transaction. The use case knows its shape; the history only
 * stores it.
 */
export type HistorySnapshot = (db: Kysely<DB>, id: string) => Promise<unknown>;

/**
 * Consultations. Every local write keeps, in one go: the row and its list rows, the op (changed
 * fields and lists) and the search document; an edit also keeps the version it replaces in the
 * edit history (consultation_versions, local to this device). The current version is the row
 * itself, never copied (issue 17: a copy per record was ~1.3 KB per consultation for nothing).
 */
export const consultationRecord = {
  async insert(s: RecordScope, fields: NewRecord<'consultation'>, lists: ConsultationLists): Promise<string> {
    const id = await insertRecord(s, 'consultation', fields, { lists: { ...lists } });
    await writeLists(s.trx, id, lists, true);
    await upsertSearchDoc(s.trx, id);
    return id;
  },

  /**
   * `lists`: the whole lists as they should be; those that differ from the stored ones go in the
   * op. `touch`: a new version even when nothing changed (a follow-up added from the edit form).
   */
  async update(
    s: RecordScope,
    before: ConsultationsTable,
    changes: RecordChanges<'consultation'>,
    history: HistorySnapshot,
    opts: { lists?: ConsultationLists; touch?: boolean } = {},
  ): Promise<string[]> {
    let listsChanged: Partial<ConsultationLists> = {};
    if (opts.lists) {
      const stored = await storedLists(s.trx, before.id);
      listsChanged = Object.fromEntries(
        Object.entries(opts.lists).filter(
          ([k, v]) => JSON.stringify(v) !== JSON.stringify(stored[k as keyof ConsultationLists]),
        ),
      );
    }
    const replaced = await history(s.trx, before.id); // the version this edit replaces
    const changed = await updateRecord(s, 'consultation', before, changes, {
      lists: listsChanged,
      ...(opts.touch ? { touch: true } : {}),
    });
    if (!changed.length && !opts.touch) return [];
    if (Object.keys(listsChanged).length) await writeLists(s.trx, before.id, opts.lists!, false);
    await keepVersion(s.trx, before.id, before.version, before.updated_at, before.updated_by, replaced);
    await upsertSearchDoc(s.trx, before.id);
    return changed;
  },
};

/**
 * One version of a consultation in its edit history (local to this device, never synced); a
 * version already kept stays as it was.
 */
export async function keepVersion(
  trx: Transaction<DB>,
  id: string,
  version: number,
  at: string,
  by: string,
  snapshot: unknown,
): Promise<void> {
  await trx
    .insertInto('consultation_versions')
    .values({
      consultation_id: id,
      version,
      changed_at: at,
      changed_by: by,
      snapshot: JSON.stringify(snapshot),
    })
    .onConflict((oc) => oc.columns(['consultation_id', 'version']).doNothing())
    .execute();
}

const LIST_TABLES = [
  'consultation_categories',
  'consultation_responses',
  'consultation_diseases',
  'consultation_responders',
] as const;

/** Replaces the child rows of a consultation with the given lists. */
async function writeLists(
  trx: Transaction<DB>,
  id: string,
  lists: ConsultationLists,
  fresh: boolean,
): Promise<void> {
  if (!fresh)
    for (const table of LIST_TABLES) await trx.deleteFrom(table).where('consultation_id', '=', id).execute();
  await insertRows(
    trx,
    'consultation_categories',
    lists.categories.map((c) => ({ consultation_id: id, code: c.code, is_main: c.main ? 1 : 0 })),
  );
  await insertRows(
    trx,
    'consultation_responses',
    lists.responses.map((code) => ({ consultation_id: id, code })),
  );
  await insertRows(
    trx,
    'consultation_diseases',
    lists.diseases.map((d) => ({ consultation_id: id, number: d.number, list_version: d.listVersion })),
  );
  await insertRows(
    trx,
    'consultation_responders',
    lists.responders.map((r) => ({ consultation_id: id, staff_id: r.staffId, profession: r.profession })),
  );
}

/** The lists as stored, in the shape the op log carries (for change detection). */
export async function storedLists(db: Kysely<DB>, id: string): Promise<ConsultationLists> {
  const [cats, responses, diseases, responders] = await Promise.all([
    db
      .selectFrom('consultation_categories')
      .select(['code', 'is_main'])
      .where('consultation_id', '=', id)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('consultation_responses')
      .select('code')
      .where('consultation_id', '=', id)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('consultation_diseases')
      .select(['number', 'list_version'])
      .where('consultation_id', '=', id)
      .orderBy('number')
      .execute(),
    db
      .selectFrom('consultation_responders')
      .select(['staff_id', 'profession'])
      .where('consultation_id', '=', id)
      .execute(),
  ]);
  return {
    categories: cats.map((c) => ({ code: c.code, main: c.is_main === 1 })),
    responses: responses.map((r) => r.code),
    diseases: diseases.map((d) => ({ number: d.number, listVersion: d.list_version })),
    responders: responders.map((r) => ({ staffId: r.staff_id, profession: r.profession })),
  };
}
