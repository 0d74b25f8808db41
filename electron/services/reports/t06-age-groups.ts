/**
 * Table 6-4: age groups cut as long-term care insurance cuts them — 0–39, 40–64 (第2号被保険者),
 * 65 and over (第1号被保険者) — by 満年齢 on the consultation date.
 * - A consultation with a birth date: its exact age. With only an age band: the group the whole
 *   band falls in (70〜79歳 → 65+); a band across a cut (60〜69歳) or nothing → 不明.
 * - 延件数 per consultation; 実人数 by each person's last consultation in scope (as table 6).
 */
import type { ReportTable } from '../../../shared/contract/reports';
import { AGE_BANDS } from '../../../shared/vocab/age-bands';
import type { ServiceContext } from '../context';
import { selectionOf } from './report-selection';
import type { ReportScope } from './report-scope';
import { reportText } from './report-text';
import { columnsOf, item, makeTable, total } from './report-table';

const GROUPS = [
  { key: '0-39', min: 0, max: 39 },
  { key: '40-64', min: 40, max: 64 },
  { key: '65+', min: 65, max: Infinity },
] as const;
const UNKNOWN = 'unknown';

/** The group of an exact age, or of a band when the whole band falls in one group. */
export function ageGroupOf(age: number, band: string | null): string {
  if (age === age) return GROUPS.find((g) => age >= g.min && age <= g.max)?.key ?? UNKNOWN;
  const b = AGE_BANDS.find((x) => x.code === band);
  if (!b || b.min === null) return UNKNOWN;
  const hi = b.max ?? Infinity;
  return GROUPS.find((g) => b.min >= g.min && hi <= g.max)?.key ?? UNKNOWN;
}

export async function t06AgeGroups(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const sel = await selectionOf(ctx, s);
  const cells = new Map<string, { visits: number; persons: number }>(
    [...GROUPS.map((g) => g.key), UNKNOWN].map((k) => [k, { visits: 0, persons: 0 }]),
  );
  const band = sel.col.ageBand;
  for (let i = 0; i < sel.size; i++) {
    const c = cells.get(ageGroupOf(sel.age[i]!, band.values[band.codes[i]!]!))!;
    c.visits++;
    c.persons += sel.last[i]!;
  }
  const label: Record<string, string> = {
    '0-39': t.rows.age0to39,
    '40-64': t.rows.age40to64,
    '65+': t.rows.age65plus,
    [UNKNOWN]: t.rows.unknownAge,
  };
  const all = [...cells.values()].reduce(
    (a, c) => ({ visits: a.visits + c.visits, persons: a.persons + c.persons }),
    {
      visits: 0,
      persons: 0,
    },
  );
  return makeTable(
    't06-age-ltc',
    s,
    [col.text('ageGroup'), col.num('visits'), col.num('persons')],
    [
      ...[...cells].map(([k, c]) => item(k, [label[k]!, c.visits, c.persons])),
      total([t.rows.total, all.visits, all.persons]),
    ],
    't06-age-ltc',
  );
}
