import { sql, type RawBuilder } from 'kysely';
import { foldForSearch } from '../../../shared/text/normalize';

/**
 * Turns what a user typed into SQL conditions on a consultation id (`c.id`).
 * Each space-separated term must match (AND). Terms of 3+ characters use the FTS5 trigram
 * index as phrases; 1–2 character terms (佐, 肺炎) the same index's trigrams that begin with
 * them (shortTermSet), so no query reads every document.
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

/** One id set per term: 3+ characters by trigram phrase, 1–2 characters by trigram prefix. */
function hitSets(query: string): RawBuilder<unknown>[] {
  const terms = [...new Set(foldForSearch(query).split(' ').map(searchTerm))].filter((t) => t.length > 0);
  return terms.map((term) =>
    [...term].length >= 3
      ? sql`SELECT d.consultation_id FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid WHERE search_fts MATCH ${ftsPhrase(term)}`
      : shortTermSet(term),
  );
}

/**
 * The documents holding a 1–2 character term, from indexes only (migration 0014), exactly the
 * documents where instr(text, term) > 0: every place the term starts, except in a document's
 * last two characters, is the start of a trigram of the index (search_trigrams: the trigrams
 * from `term` up to the next prefix); the last one or two characters have an index each.
 * Documents and terms are both folded (foldForSearch: lower case), so the trigram tokenizer's
 * own case folding changes neither.
 */
function shortTermSet(term: string): RawBuilder<unknown> {
  const next = nextPrefix(term);
  const tail =
    [...term].length === 2
      ? sql`SELECT rowid FROM search_docs WHERE substr(text, -2) = ${term}`
      : sql`SELECT rowid FROM search_docs WHERE substr(text, -1) = ${term}
          UNION ALL SELECT rowid FROM search_docs WHERE substr(text, -2) >= ${term} AND substr(text, -2) < ${next}`;
  return sql`SELECT consultation_id FROM search_docs WHERE rowid IN (
    SELECT doc FROM search_trigrams WHERE term >= ${term} AND term < ${next}
    UNION ALL ${tail})`;
}

/**
 * The smallest string after every string that begins with `prefix` (its last character's code
 * point plus one; SQLite compares UTF-8 bytes, which sort as code points do).
 */
export function nextPrefix(prefix: string): string {
  const chars = [...prefix];
  let cp = chars.pop()!.codePointAt(0)! + 1;
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xe000; // no surrogate halves in UTF-8
  return chars.join('') + (cp > 0x10ffff ? '\u{10ffff}\u{10ffff}' : String.fromCodePoint(cp));
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

/**
 * One page of a text query alone, newest first, with the number of hits, from ONE reading of
 * the hits: they are gathered once (a materialized CTE), counted, and the consultations are
 * walked newest first until the page is full. `total` is on every row; no row, no total (an
 * offset past the end: count with searchHitCount). Null when the query has no terms.
 */
export function searchPage(
  query: string,
  limit: number,
  offset: number,
): RawBuilder<{ id: string; total: number }> | null {
  const sets = hitSets(query);
  if (!sets.length) return null;
  return sql<{
    id: string;
    total: number;
  }>`WITH hits(id) AS MATERIALIZED (${sql.join(sets, sql` INTERSECT `)})
    SELECT c.id, (SELECT count(*) FROM hits) AS total FROM consultations c
    WHERE c.deleted_at IS NULL AND +c.id IN (SELECT id FROM hits)
    ORDER BY c.received_at DESC, c.id DESC LIMIT ${limit} OFFSET ${offset}`;
}
