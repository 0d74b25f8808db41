/**
 * Table 4: consultations by content category (DOMAIN §3), main and all.
 * - 主たる相談内容: one per consultation, at its main category (set by intake; a single
 *   category is the main one). Consultations with several categories and none marked main go
 *   to 主たる内容の指定なし; those with no category to 相談内容の記録なし. The column's total is the
 *   number of consultations.
 * - 相談内容（延件数）: once per category recorded (three categories → three, one in each row).
 *   A top-level row (e.g. 1 病気・医療 小計) is the sum of its sub-category rows; its 実人数 is
 *   the persons who consulted about any of them. The total is the sum of the leaf rows.
 */
import type { ReportRow, ReportTable } from '../../../shared/contract/reports';
import { CONTENT_CATEGORIES, RECORDABLE_CONTENT_CATEGORIES } from '../../../shared/vocab/content-categories';
import type { ServiceContext } from '../context';
import { countAll, countAllValues, countBy, countValues, get, valueAt } from './count-groups';
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

const NO_MAIN = 'no_main';
const NO_CATEGORY = 'no_category';
/** The top-level code of a category: '3.4' → '3'; '9' → '9'. */
const topOf = (code: string) => (code.includes('.') ? code.slice(0, code.indexOf('.')) : code);

export async function t04Category(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const sel = await selectionOf(ctx, s);
  const cats = sel.categories;
  const noCategory = (i: number) => cats.start[i] === cats.start[i + 1];
  const main = countBy(sel, ['mainCategory'], (m) => m ?? undefined);
  const unset = (i: number) => valueAt(sel, 'mainCategory', i) === null;
  main.set(
    NO_MAIN,
    countAll(sel, (i) => unset(i) && !noCategory(i)),
  );
  main.set(
    NO_CATEGORY,
    countAll(sel, (i) => unset(i) && noCategory(i)),
  );
  const leaf = countValues(sel, cats);
  const top = countValues(sel, cats, topOf);
  const anyCategory = countAllValues(sel, cats);
  const consultations = countAll(sel);
  const rows: ReportRow[] = [];
  let allVisits = 0;
  const leafCodes = RECORDABLE_CONTENT_CATEGORIES.map((c) => c.code as string);
  for (const parent of CONTENT_CATEGORIES.filter((c) => c.parent === null)) {
    const children = CONTENT_CATEGORIES.filter((c) => c.parent === parent.code);
    for (const c of children.length ? children : [parent]) {
      const [m, a] = [get(main, c.code), get(leaf, c.code)];
      allVisits += a.visits;
      rows.push(
        item(c.code, [c.code, labelOf(CONTENT_CATEGORIES, c.code, s), m.visits, a.visits, a.persons]),
      );
    }
    if (children.length) {
      const a = get(top, parent.code);
      const m = children.reduce((n, c) => n + get(main, c.code).visits, 0);
      const name = `${parent.code} ${labelOf(CONTENT_CATEGORIES, parent.code, s)}`;
      // the subtotal goes before its sub-categories, as on paper forms
      rows.splice(
        rows.length - children.length,
        0,
        subtotal(`top:${parent.code}`, [parent.code, subtotalLabel(s, name), m, a.visits, a.persons]),
      );
    }
  }
  // codes unknown to this version (from a newer app): own rows so nothing is lost
  for (const k of orderedKeys(leafCodes, leaf.keys()).slice(leafCodes.length)) {
    const [m, a] = [get(main, k), get(leaf, k)];
    allVisits += a.visits;
    rows.push(item(k, [k, k, m.visits, a.visits, a.persons]));
  }
  rows.push(item(NO_MAIN, ['', t.rows.noMain, get(main, NO_MAIN).visits, null, null]));
  rows.push(item(NO_CATEGORY, ['', t.rows.noCategory, get(main, NO_CATEGORY).visits, null, null]));
  rows.push(total(['', t.rows.total, consultations.visits, allVisits, anyCategory.persons]));
  return makeTable(
    't04-category',
    s,
    [
      col.text('categoryCode'),
      col.text('category'),
      col.num('mainVisits'),
      col.num('allVisits'),
      col.num('allPersons'),
    ],
    rows,
    't04',
  );
}
