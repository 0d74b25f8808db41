import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import { personSearchText } from '../../shared/text/search-document';
import type { DB, PersonsTable } from '../schema';
import type { RecordScope } from './record-scope';
import { reindexPersonConsultations } from './search-docs';
import { insertRecord, updateRecord, type NewRecord, type RecordChanges } from './write-record';
import { fixedRows } from '../sqlite/fixed-sql';

/**
 * Persons. A person's folded name and kana (search_text) is derived here on every write and
 * never synced; a changed name or kana also rebuilds the search documents of the person's
 * consultations, which carry the name.
 */
export const personRecord = {
  async insert(s: RecordScope, fields: NewRecord<'person'>): Promise<string> {
    return insertRecord(s, 'person', fields, {
      derived: { search_text: personSearchText(fields.name, fields.name_kana) },
    });
  },

  async update(s: RecordScope, before: PersonsTable, changes: RecordChanges<'person'>): Promise<string[]> {
    const name = changes.name === undefined ? before.name : changes.name;
    const kana = changes.name_kana === undefined ? before.name_kana : changes.name_kana;
    const renamed = name !== before.name || kana !== before.name_kana;
    const changed = await updateRecord(s, 'person', before, changes, {
      ...(renamed ? { derived: { search_text: personSearchText(name, kana) } } : {}),
    });
    if (renamed) await reindexPersonConsultations(s.trx, before.id);
    return changed;
  },
};

/** A person who is not deleted, or null. */
export async function findLivePerson(db: Kysely<DB>, id: string): Promise<PersonsTable | null> {
  // fixed SQL (db/sqlite/fixed-sql.ts): every save with a person reads them
  const [row] = await fixedRows<PersonsTable>(
    db,
    `SELECT * FROM persons WHERE id = ? AND deleted_at IS NULL`,
    [id],
  );
  return row ?? null;
}

/** The same, or `code` (INVALID_INPUT where the id came in a form, NOT_FOUND where it is the subject). */
export async function requireLivePerson(
  db: Kysely<DB>,
  id: string,
  code: 'INVALID_INPUT' | 'NOT_FOUND' = 'INVALID_INPUT',
  message = 'No such person.',
): Promise<PersonsTable> {
  const row = await findLivePerson(db, id);
  if (!row) throw new AppError(code, message);
  return row;
}
