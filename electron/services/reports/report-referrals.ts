/**
 * The referrals a report counts (tables 5-2 and 9-2), read once per report.
 * - Which: every referral (referrals, DOMAIN §5) whose CONSULTATION is in the report's
 *   selection — the consultation's received date decides the year and the month, and its site
 *   the site filter, as in tables 1–9 — whatever the referral's own 依頼日: a consultation of
 *   3/31 referred on 4/1 counts in the old year, with its consultation. So the referrals line
 *   up with the consultations and the response 関係機関紹介 of the same report, and a month or
 *   site report holds the referrals of its consultations.
 * - Cancelled referrals (取消: not carried out, or recorded by mistake) are left out, whenever
 *   they were cancelled. Declined ones (辞退: the destination could not take the person) count:
 *   the center did refer. Accepted, completed and still requested ones count.
 * - The destination type is the institution's type in the directory as it is now; its sector
 *   (shared/vocab/institution-types.ts) groups the types.
 * - 実人数 numbers persons as the selection does (report-selection.ts): a referral's person is
 *   the one of its consultation.
 * - Which consultation is in the report is the selection's answer (report-selection.ts): the
 *   referrals are matched to it by consultation id, so no consultation row is read for them
 *   (at 100,000 consultations that read cost ≈150 ms of a first build, a page per referral).
 *   EXPLAIN QUERY PLAN: SCAN r, SEARCH i USING INDEX sqlite_autoindex_institutions_1 (id=?).
 */
import { sql } from 'kysely';
import type { ServiceContext } from '../context';
import type { ReportScope } from './report-scope';
import { selectionOf } from './report-selection';

export interface ReferralFact {
  /** the destination's institution type */
  type: string;
  /** the person number (as the selection's pid) */
  pid: number;
}

const memo = new WeakMap<object, Promise<ReferralFact[]>>();

/** The report's referrals, once per report transaction. */
export function referralsInScope(ctx: ServiceContext, s: ReportScope): Promise<ReferralFact[]> {
  let hit = memo.get(ctx.db);
  if (!hit) {
    hit = (async () => {
      const sel = await selectionOf(ctx, s);
      const { rows } = await sql<{ type: string; cid: string }>`
        SELECT i.type AS type, r.consultation_id AS cid
        FROM referrals r JOIN institutions i ON i.id = r.institution_id
        WHERE r.state <> 'cancelled'`.execute(ctx.db);
      const facts: ReferralFact[] = [];
      for (const r of rows) {
        const row = sel.rowOf(r.cid);
        if (row !== undefined) facts.push({ type: String(r.type), pid: sel.pid[row]! });
      }
      return facts;
    })();
    memo.set(ctx.db, hit);
  }
  return hit;
}

/** 延件数 (referrals) and 実人数 (distinct persons) of the referrals that pass `pick`. */
export function countReferrals(
  facts: readonly ReferralFact[],
  pick: (f: ReferralFact) => boolean = () => true,
): { visits: number; persons: number } {
  const persons = new Set<number>();
  let visits = 0;
  for (const f of facts)
    if (pick(f)) {
      visits++;
      persons.add(f.pid);
    }
  return { visits, persons: persons.size };
}
