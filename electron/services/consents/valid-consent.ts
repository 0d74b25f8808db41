import type { Kysely, Transaction } from 'kysely';
import type { ConsentsTable, DB } from '../../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export interface ConsentMatch {
  /** the consent that covers everything, or null */
  consent: ConsentsTable | null;
  /** a consent covers the recipient but not all the items: those it lacks */
  missingItems: string[];
}

/** Valid on `on`: obtained by then and not withdrawn by then. */
export const isValidOn = (c: ConsentsTable, on: string) =>
  c.obtained_on <= on && (c.withdrawn_on === null || c.withdrawn_on > on);

/**
 * The consent a letter to `institutionId` carrying `items` may be issued under, on `on`: the
 * person's, unwithdrawn, naming the recipient and covering every item. With `consentId`, only
 * that one is considered. The newest wins.
 */
export async function findCoveringConsent(
  db: Db,
  personId: string,
  institutionId: string,
  items: readonly string[],
  on: string,
  consentId?: string,
): Promise<ConsentMatch> {
  let q = db.selectFrom('consents').selectAll().where('person_id', '=', personId);
  if (consentId) q = q.where('id', '=', consentId);
  const rows = await q.orderBy('obtained_on', 'desc').orderBy('id', 'desc').execute();
  const forRecipient = rows.filter(
    (c) => isValidOn(c, on) && (JSON.parse(c.recipient_ids) as string[]).includes(institutionId),
  );
  let best: string[] | null = null;
  for (const c of forRecipient) {
    const covered = new Set(JSON.parse(c.data_items) as string[]);
    const missing = items.filter((i) => !covered.has(i));
    if (missing.length === 0) return { consent: c, missingItems: [] };
    if (!best || missing.length < best.length) best = missing;
  }
  return { consent: null, missingItems: best ?? [] };
}
