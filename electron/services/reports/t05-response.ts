/**
 * Table 5: responses by type, and referral destinations by type.
 * - Responses: once per response type recorded with a consultation (several may apply). The
 *   total 延件数 is the sum of the rows; 実人数 counts persons with any response once.
 * - Referral destination types (5-2): the referral records (which ones: report-referrals.ts —
 *   those of the selection's consultations, cancelled ones left out), by the destination's
 *   institution type, grouped by sector. 延件数 = referrals (two referrals of one consultation
 *   count two; the same person referred twice to Hello Work counts two); 実人数 = distinct
 *   persons. A sector with more than one type gets a subtotal (sum of its referrals, persons
 *   counted again across the sector); the total counts persons again over all referrals. A type
 *   this version does not know (from a newer app) gets its own row. A last line, for
 *   reference, repeats the consultations with the response 関係機関紹介 (table 5): a referral
 *   can be recorded without that response, and that response without a referral record.
 */
import type { ReportRow, ReportTable } from '../../../shared/contract/reports';
import { INSTITUTION_SECTORS, INSTITUTION_TYPES } from '../../../shared/vocab/institution-types';
import { RESPONSE_TYPES } from '../../../shared/vocab/response-types';
import type { ServiceContext } from '../context';
import { countAllValues, countValues, get, sumVisits } from './count-groups';
import { selectionOf } from './report-selection';
import type { ReportScope } from './report-scope';
import { reportText } from './report-text';
import { countReferrals, referralsInScope } from './report-referrals';
import {
  columnsOf,
  item,
  labelOf,
  makeTable,
  orderedKeys,
  subtotal,
  subtotalLabel,
  total,
} from './report-table';

export async function t05Response(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const sel = await selectionOf(ctx, s);
  const by = countValues(sel, sel.responses);
  const all = countAllValues(sel, sel.responses);
  const keys = orderedKeys(
    RESPONSE_TYPES.map((r) => r.code),
    by.keys(),
  );
  return makeTable(
    't05-response',
    s,
    [col.text('response'), col.num('visits'), col.num('persons')],
    [
      ...keys.map((k) => item(k, [labelOf(RESPONSE_TYPES, k, s), get(by, k).visits, get(by, k).persons])),
      total([t.rows.total, sumVisits(by), all.persons]),
    ],
    't05',
  );
}

export async function t05Referral(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const facts = await referralsInScope(ctx, s);
  const rows: ReportRow[] = [];
  for (const sector of INSTITUTION_SECTORS) {
    const types = INSTITUTION_TYPES.filter((x) => x.sector === sector.code);
    const sectorName = labelOf(INSTITUTION_SECTORS, sector.code, s);
    for (const type of types) {
      const n = countReferrals(facts, (f) => f.type === type.code);
      rows.push(item(type.code, [sectorName, labelOf(INSTITUTION_TYPES, type.code, s), n.visits, n.persons]));
    }
    if (types.length > 1) {
      const codes = new Set<string>(types.map((x) => x.code));
      const n = countReferrals(facts, (f) => codes.has(f.type));
      rows.push(
        subtotal(`sector:${sector.code}`, [sectorName, subtotalLabel(s, sectorName), n.visits, n.persons]),
      );
    }
  }
  // types this version does not know (from a newer app) still count, on their own rows
  const known = INSTITUTION_TYPES.map((x) => x.code as string);
  for (const k of orderedKeys(known, new Set(facts.map((f) => f.type))).slice(known.length)) {
    const n = countReferrals(facts, (f) => f.type === k);
    rows.push(item(k, [k, k, n.visits, n.persons]));
  }
  const all = countReferrals(facts);
  const sel = await selectionOf(ctx, s);
  const responses = get(countValues(sel, sel.responses), 'referral');
  return makeTable(
    't05-referral',
    s,
    [col.text('sector'), col.text('referralType'), col.num('referrals'), col.num('persons')],
    [
      ...rows,
      total([t.rows.total, '', all.visits, all.persons]),
      item('response_referral', ['', t.rows.referralResponses, responses.visits, responses.persons]),
    ],
    't05-referral',
  );
}
