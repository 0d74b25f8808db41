/**
 * Table 3: consultations by disease group, and the disease numbers with most consultations.
 * - Each 指定難病 number recorded with a consultation is mapped to its groups through the
 *   master list (master_nanbyo.groups holds group codes). A consultation counts ONCE per group
 *   it touches: two diseases of one group count once there; a disease in two groups counts in
 *   both. The total row's 延件数 is the sum of the rows (as in every multi-valued table).
 * - A consultation without any number is put in exactly one bucket, first match wins:
 *   diagnosis 'undiagnosed' → 未診断; other-disease text containing 小児慢性 or 小慢 →
 *   小児慢性特定疾病 (intake has no coded 小慢 field yet); any other-disease text → 指定難病以外;
 *   otherwise 不明. A number missing from the master list also counts as 不明.
 * - Top-N: consultations per number (a number counts once per consultation: the child table
 *   holds it once per consultation, so count(*)), most first,
 *   ties broken by the number; equal counts share a rank (1, 2, 2, 4). The name is the one of
 *   the newest list version that has the number.
 */
import { sql } from 'kysely';
import type { ReportTable } from '../../../shared/contract/reports';
import { DISEASE_GROUPS } from '../../../shared/vocab/disease-groups';
import type { ServiceContext } from '../context';
import { countAll, countValues, get, ZERO, type Counts } from './count-groups';
import { selectionOf } from './report-selection';
import type { ReportScope } from './report-scope';
import { reportText } from './report-text';
import { columnsOf, item, labelOf, makeTable, orderedKeys, total } from './report-table';

/** A disease value of the selection ("number:list_version") → its group codes in the master. */
async function diseaseGroups(ctx: ServiceContext, values: readonly string[]): Promise<string[][]> {
  const { rows } = await sql<{ list_version: string; number: number; grp: string }>`
    SELECT m.list_version, m.number, g.value AS grp FROM master_nanbyo m, json_each(m.groups) g`.execute(
    ctx.db,
  );
  const groups = new Map<string, Set<string>>();
  for (const r of rows) {
    const k = `${r.number}:${r.list_version}`;
    let set = groups.get(k);
    if (!set) groups.set(k, (set = new Set()));
    set.add(String(r.grp));
  }
  return values.map((v) => [...(groups.get(v) ?? ['unknown'])]);
}

export async function t03DiseaseGroup(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const sel = await selectionOf(ctx, s);
  const d = sel.diseases;
  const groupsOf = await diseaseGroups(ctx, d.values);
  // each consultation once per group it touches; without numbers, once in its bucket
  const index = new Map<string, number>();
  const groups: string[] = [];
  const keyOf = (g: string) => {
    let k = index.get(g);
    if (k === undefined) index.set(g, (k = groups.push(g) - 1));
    return k;
  };
  const groupKeys = groupsOf.map((gs) => gs.map(keyOf));
  const bucket = sel.col.noNumberBucket;
  const bucketKeys = bucket.values.map((v) => keyOf(v ?? 'unknown'));
  const counted: number[] = [];
  const persons: number[] = [];
  const marks: Uint8Array[] = [];
  const stamp: number[] = []; // the last row counted under each key (a group once per row)
  const add = (k: number, i: number) => {
    if (stamp[k] === i) return;
    stamp[k] = i;
    if (!marks[k]) [marks[k], counted[k], persons[k]] = [new Uint8Array(sel.persons), 0, 0];
    counted[k]!++;
    const p = sel.pid[i]!;
    if (!marks[k][p]) [marks[k][p], persons[k]] = [1, persons[k]! + 1];
  };
  for (let i = 0; i < sel.size; i++) {
    if (d.start[i] === d.start[i + 1]) add(bucketKeys[bucket.codes[i]!]!, i);
    else
      for (let n = d.start[i]!; n < d.start[i + 1]!; n++) for (const k of groupKeys[d.codes[n]!]!) add(k, i);
  }
  const by = new Map<string, Counts>(
    groups.flatMap((g, k) => (marks[k] ? [[g, { ...ZERO, visits: counted[k]!, persons: persons[k]! }]] : [])),
  );
  const all = countAll(sel); // every consultation is in at least one bucket
  const keys = orderedKeys(
    DISEASE_GROUPS.map((g) => g.code),
    by.keys(),
  );
  let visits = 0;
  for (const c of by.values()) visits += c.visits;
  return makeTable(
    't03-disease-group',
    s,
    [col.text('diseaseGroup'), col.num('visits'), col.num('persons')],
    [
      ...keys.map((k) => {
        const n: Counts = get(by, k);
        return item(k, [labelOf(DISEASE_GROUPS, k, s), n.visits, n.persons]);
      }),
      total([t.rows.total, visits, all.persons]),
    ],
    't03',
  );
}

export async function t03TopDiseases(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const sel = await selectionOf(ctx, s);
  // a number counts once per consultation (a consultation holds a number once)
  const byNumber = countValues(sel, sel.diseases, (v) => v.slice(0, v.indexOf(':')));
  const top = [...byNumber]
    .map(([k, c]) => ({ number: Number(k), visits: c.visits, persons: c.persons }))
    .sort((a, b) => b.visits - a.visits || a.number - b.number)
    .slice(0, s.topN);
  // the name of the newest list version that has the number
  const names = new Map<number, string>();
  if (top.length) {
    const { rows: named } = await sql<{ number: number; name: string }>`
      SELECT m.number, m.name_ja AS name FROM master_nanbyo m
      WHERE m.number IN (${sql.join(top.map((x) => x.number))})
        AND m.list_version = (SELECT max(x.list_version) FROM master_nanbyo x WHERE x.number = m.number)`.execute(
      ctx.db,
    );
    for (const r of named) names.set(Number(r.number), r.name);
  }
  const rows = top.map((x) => ({ ...x, name: names.get(x.number) ?? null }));
  let rank = 0;
  let prev = -1;
  const out = rows.map((r, i) => {
    if (Number(r.visits) !== prev) [rank, prev] = [i + 1, Number(r.visits)];
    return item(String(r.number), [
      rank,
      Number(r.number),
      r.name ?? '',
      Number(r.visits),
      Number(r.persons),
    ]);
  });
  return makeTable(
    't03-top-diseases',
    s,
    [
      col.num('rank'),
      col.num('diseaseNumber'),
      col.text('diseaseName'),
      col.num('visits'),
      col.num('persons'),
    ],
    out,
    't03',
  );
}
