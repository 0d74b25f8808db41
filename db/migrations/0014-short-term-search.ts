import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * FROZEN. 1–2 character search terms (佐, 佐藤, 肺炎) without reading every search document.
 * The trigram index (search_fts) already knows every place a term of 1–2 characters starts
 * in a document, except the document's last two characters: at every other place the term
 * begins a trigram. So:
 * - `search_trigrams` lists the trigram index's entries (an fts5vocab table of kind
 *   `instance`: term, doc, col, offset); a range of terms beginning with the search term gives
 *   the documents, read from the index alone;
 * - two indexes on each document's last one and last two characters find the rest.
 * Nothing is written by the app for them: the vocabulary reads the trigram index, and SQLite
 * keeps the two expression indexes with every write of search_docs.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `CREATE VIRTUAL TABLE search_trigrams USING fts5vocab(search_fts, instance)`,
    `CREATE INDEX search_docs_last1 ON search_docs(substr(text, -1))`,
    `CREATE INDEX search_docs_last2 ON search_docs(substr(text, -2))`,
  ]);
}
