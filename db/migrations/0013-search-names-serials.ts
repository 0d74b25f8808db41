import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * FROZEN. A consultation is also found by its person's name and kana typed without the space
 * (佐藤一郎 → 佐藤 一郎) and by its record number (R7-000002): each search document gets the
 * folded name run together and the lower-cased serial appended, exactly as the app's
 * searchDocumentText() writes new ones (the folded name is persons.search_text already).
 * The trigram index follows by trigger.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `UPDATE search_docs SET text = ltrim(
       text
       || coalesce((SELECT CASE WHEN p.search_text <> '' THEN ' ' || replace(p.search_text, ' ', '') ELSE '' END
                      FROM consultations c JOIN persons p ON p.id = c.person_id
                     WHERE c.id = search_docs.consultation_id), '')
       || ' ' || (SELECT lower(c.serial) FROM consultations c WHERE c.id = search_docs.consultation_id)
     )
     WHERE EXISTS (SELECT 1 FROM consultations c WHERE c.id = search_docs.consultation_id)`,
  ]);
}
