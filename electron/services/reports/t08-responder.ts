/**
 * Table 8: consultations by responder profession, and by consultation kind (ピア相談 included).
 * - Profession: the profession stored with each responder of the consultation (as it was
 *   then). A consultation counts once per profession present: two nurses → once for 看護師;
 *   a nurse and a peer supporter → once in each row. The total 延件数 is the sum of the rows.
 * - Kind: one per consultation (専門職 / ピア / 就労 / 医療相談); ピア is the peer consultation.
 */
import type { ReportTable } from '../../../shared/contract/reports';
import { CONSULTATION_KINDS } from '../../../shared/vocab/consultation-kinds';
import { STAFF_PROFESSIONS } from '../../../shared/vocab/staff-professions';
import type { ServiceContext } from '../context';
import { countAll, countAllValues, countByColumn, countValues, get, sumVisits } from './count-groups';
import { selectionOf } from './report-selection';
import type { ReportScope } from './report-scope';
import { reportText } from './report-text';
import { columnsOf, item, labelOf, makeTable, orderedKeys, total } from './report-table';

export async function t08Profession(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const sel = await selectionOf(ctx, s);
  const by = countValues(sel, sel.responders); // one per profession and consultation
  const all = countAllValues(sel, sel.responders);
  const keys = orderedKeys(
    STAFF_PROFESSIONS.map((p) => p.code),
    by.keys(),
  );
  return makeTable(
    't08-profession',
    s,
    [col.text('profession'), col.num('visits'), col.num('persons')],
    [
      ...keys.map((k) => item(k, [labelOf(STAFF_PROFESSIONS, k, s), get(by, k).visits, get(by, k).persons])),
      total([t.rows.total, sumVisits(by), all.persons]),
    ],
    't08',
  );
}

export async function t08Kind(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const sel = await selectionOf(ctx, s);
  const by = countByColumn(sel, 'kind');
  const all = countAll(sel);
  const keys = orderedKeys(
    CONSULTATION_KINDS.map((k) => k.code),
    by.keys(),
  );
  return makeTable(
    't08-kind',
    s,
    [col.text('kind'), col.num('visits'), col.num('persons')],
    [
      ...keys.map((k) => item(k, [labelOf(CONSULTATION_KINDS, k, s), get(by, k).visits, get(by, k).persons])),
      total([t.rows.total, all.visits, all.persons]),
    ],
    't08',
  );
}
