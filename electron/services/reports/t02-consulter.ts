/**
 * Table 2: consultations by who consulted (本人 / 家族 / 関係者 / 一般 / 匿名 and the
 * relationship within each). One consulter per consultation.
 * - 延件数: one per consultation. 実人数: distinct persons (the patient the consultation is
 *   about, whoever called); a consultation without a person is one person of its own.
 * - A group with more than one relationship gets a subtotal row: its 延件数 is the sum of its
 *   rows, its 実人数 distinct persons across the group.
 */
import type { ReportRow, ReportTable } from '../../../shared/contract/reports';
import { CONSULTER_GROUPS, CONSULTER_RELATIONSHIPS } from '../../../shared/vocab/consulter-relationships';
import type { ServiceContext } from '../context';
import { countAll, countBy, countByColumn, get } from './count-groups';
import { selectionOf } from './report-selection';
import type { ReportScope } from './report-scope';
import { reportText } from './report-text';
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

/** A relationship code's group (unknown codes: their own group). */
const GROUP_OF = new Map<string, string>(CONSULTER_RELATIONSHIPS.map((r) => [r.code, r.group]));

export async function t02Consulter(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const sel = await selectionOf(ctx, s);
  const byRel = countByColumn(sel, 'consulter');
  const byGroup = countBy(sel, ['consulter'], (c) => (c === null ? null : (GROUP_OF.get(c) ?? c)));
  const all = countAll(sel);
  const rows: ReportRow[] = [];
  for (const g of CONSULTER_GROUPS) {
    const members = CONSULTER_RELATIONSHIPS.filter((r) => r.group === g.code);
    const groupName = labelOf(CONSULTER_GROUPS, g.code, s);
    for (const r of members) {
      const n = get(byRel, r.code);
      rows.push(item(r.code, [groupName, labelOf(CONSULTER_RELATIONSHIPS, r.code, s), n.visits, n.persons]));
    }
    if (members.length > 1) {
      const n = get(byGroup, g.code);
      rows.push(subtotal(`group:${g.code}`, [groupName, subtotalLabel(s, groupName), n.visits, n.persons]));
    }
  }
  // codes this version does not know (recorded by a newer app) still count, on their own rows
  const known = CONSULTER_RELATIONSHIPS.map((r) => r.code);
  for (const k of orderedKeys(known, byRel.keys()).slice(known.length)) {
    const n = get(byRel, k);
    rows.push(item(k, [k, k, n.visits, n.persons]));
  }
  return makeTable(
    't02-consulter',
    s,
    [col.text('consulterGroup'), col.text('consulter'), col.num('visits'), col.num('persons')],
    [...rows, total([t.rows.total, '', all.visits, all.persons])],
    't02',
  );
}
