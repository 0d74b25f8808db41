import { sql, type RawBuilder } from 'kysely';
import { foldForSearch } from '../../../shared/text/normalize';

/**
 * Turns what a user typed into SQL conditions on a consultation id (`c.id`).
 * Each space-separated term must match (AND). Terms of 3+ characters use the FTS5 trigram
 * index; 1–2 character terms (肺炎, 頭痛) cannot, and scan the folded documents with instr():
 * all of a query's short terms in ONE scan (佐藤 花子 reads the documents once, not twice).
 * `walk`: for a page, the unary `+` keeps the planner from driving the query by the hits:
 * SQLite computes the (uncorrelated) hit set once, then walks consultations newest first and
 * stops after a page. For the count, the hits drive (a primary-key lookup per hit) instead
 * of a scan of every consultation.
 */
export function searchConditions(query: string, mode: 'walk' | 'drive'): RawBuilder<boolean>[] {
  const id = sql.raw(mode === 'walk' ? '+c.id' : 'c.id');
  return hitSets(query).map((set) => sql<boolean>`${id} IN (${set})`);
}

/**
 * A record number as people type it — R7-KT-2, Ｒ７－ＫＴ－０００００２, R7ー000002 (the IME's
 * long-vowel mark for "-"; older numbers have no device letters) — as the search document holds
 * it: r7-kt-000002.
 */
const DASH = '[-ー－‐‑–—―−]';
const SERIAL = new RegExp(`^([a-z]+\\d+)${DASH}(?:([a-z]{2})${DASH})?(\\d{1,6})$`);
export function searchTerm(term: string): string {
  const m = SERIAL.exec(term);
  return m ? [m[1], m[2], m[3]!.padStart(6, '0')].filter(Boolean).join('-') : term;
}

/** One id set per 3+ character term, and one for all the short terms together. */
function hitSets(query: string): RawBuilder<unknown>[] {
  const terms = [...new Set(foldForSearch(query).split(' ').map(searchTerm))].filter((t) => t.length > 0);
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  const sets = long.map(
    (term) =>
      sql`SELECT d.consultation_id FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid WHERE search_fts MATCH ${ftsPhrase(term)}`,
  );
  if (short.length) {
    const all = sql.join(
      short.map((term) => sql`instr(text, ${term}) > 0`),
      sql` AND `,
    );
    sets.push(sql`SELECT consultation_id FROM search_docs WHERE ${all}`);
  }
  return sets;
}

/** A term as one FTS5 phrase: quotes doubled, so no query syntax leaks through. */
function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * The number of consultations matching a text query alone, counted in the search documents
 * (one per live consultation) without visiting the consultations: used when no other filter
 * narrows the list.
 */
export function searchHitCount(query: string): RawBuilder<{ n: number }> | null {
  const sets = hitSets(query);
  if (!sets.length) return null;
  return sql<{ n: number }>`SELECT count(*) AS n FROM (${sql.join(sets, sql` INTERSECT `)})`;
}
