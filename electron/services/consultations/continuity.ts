import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { fixedRows } from '../../../db/sqlite/fixed-sql';

type Db = Kysely<DB> | Transaction<DB>;
export type Continuity = 'new' | 'continuing';

/**
 * 新規/継続 (DOMAIN §2, §6 table 1) comes from the person's history: a person's first consultation
 * ever (earliest received date-time, then id) is 新規, every later one 継続; a consultation without
 * a person is 新規. It is worked out whenever it is read, so a consultation typed later about an
 * earlier call, or one that arrives by sync, puts every count right. A counselor may set it by
 * hand with a reason (continuity_override): that value counts. The 転帰 (outcome) never moves it.
 */

/**
 * SQL text: the derived value of consultation `alias` (ignoring a value set by hand) — 継続 when
 * it has an earlier (not deleted) consultation of its person. Text, so that the saved record's
 * read-back can be fixed SQL (load-consultation.ts); `alias` is a name in the code, never input.
 */
export function derivedContinuityText(alias = 'c'): string {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  const c = `"${alias}"`;
  return `CASE WHEN ${c}.person_id IS NULL THEN 'new'
    WHEN EXISTS (SELECT 1 FROM consultations e INDEXED BY consultations_history
      WHERE e.person_id = ${c}.person_id AND e.deleted_at IS NULL
        AND (e.received_at < ${c}.received_at OR (e.received_at = ${c}.received_at AND e.id < ${c}.id)))
    THEN 'continuing' ELSE 'new' END`;
}

/** The same as a kysely expression, for queries built with the builder (reports). */
export function derivedContinuitySql(alias = 'c'): RawBuilder<Continuity> {
  return sql.raw<Continuity>(derivedContinuityText(alias));
}

/** SQL: the counted value of consultation `alias`: set by hand, else derived. */
export function countedContinuitySql(alias = 'c'): RawBuilder<Continuity> {
  const c = sql.table(alias);
  return sql<Continuity>`coalesce(${c}.continuity_override, ${derivedContinuitySql(alias)})`;
}

/**
 * The derived value for a consultation being saved: 継続 when the person has an earlier one. A
 * new consultation's id sorts after every saved one, so one saved at the same minute is earlier.
 */
export async function deriveContinuity(
  db: Db,
  personId: string | null,
  receivedAt: string,
  self?: string,
): Promise<Continuity> {
  if (!personId) return 'new';
  const at = receivedAt.length === 16 ? `${receivedAt}:00` : receivedAt;
  // fixed SQL (db/sqlite/fixed-sql.ts): every save with a person asks
  const earlier = self
    ? await fixedRows(db, EARLIER_THAN_SELF, [personId, self, at, at, self])
    : await fixedRows(db, EARLIER_OR_SAME, [personId, at]);
  return earlier.length ? 'continuing' : 'new';
}

const EARLIER_OR_SAME = `SELECT id FROM consultations
  WHERE person_id = ? AND deleted_at IS NULL AND received_at <= ? LIMIT 1`;
const EARLIER_THAN_SELF = `SELECT id FROM consultations
  WHERE person_id = ? AND deleted_at IS NULL AND id != ?
    AND (received_at < ? OR (received_at = ? AND id < ?)) LIMIT 1`;

/**
 * What a consultation's input makes of it: no value given → the derived one; a value with a
 * reason → set by hand. A value without a reason that differs from the history is not taken
 * (an older client or import file sending its old default 'new'): the derived value is kept and
 * `ignored` says so, for the answer's warnings — never an error that loses an import.
 */
export function resolveContinuity(
  given: Continuity | null | undefined,
  reason: string | null | undefined,
  derived: Continuity,
): { continuity: Continuity; override: Continuity | null; reason: string | null; ignored: boolean } {
  if (given && reason) return { continuity: given, override: given, reason, ignored: false };
  return { continuity: derived, override: null, reason: null, ignored: !!given && given !== derived };
}
