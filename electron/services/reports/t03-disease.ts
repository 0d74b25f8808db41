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
import { BASE, countAll, get, type Counts } from './count-groups';
import type { ReportScope } from './report-scope';
import { reportText } from './report-text';
import { columnsOf, item, labelOf, makeTable, orderedKeys, total } from './report-table';

/** The bucket of a consultation without disease numbers. */
const NO_NUMBER_BUCKET = sql`CASE
  WHEN c.diagnosis_status = 'undiagnosed' THEN 'undiagnosed'
  WHEN c.disease_other LIKE '%小児慢性%' OR c.disease_other LIKE '%小慢%' THEN 'pediatric_chronic'
  WHEN c.disease_other IS NOT NULL THEN 'non_designated'
  ELSE 'unknown' END`;

export async function t03DiseaseGroup(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const { rows } = await sql<{ grp: string; visits: number; persons: number }>`
    WITH pairs AS (
      SELECT DISTINCT d.n AS n, d.pid AS pid, coalesce(g.grp, 'unknown') AS grp
      FROM temp.report_diseases d
      LEFT JOIN temp.report_disease_groups g ON g.list_version = d.list_version AND g.number = d.number
      UNION ALL
      SELECT c.n, c.pid, ${NO_NUMBER_BUCKET}
      FROM temp.report_c c
      WHERE c.n NOT IN (SELECT d.n FROM temp.report_diseases d)
    )
    SELECT grp, count(*) AS visits, count(DISTINCT pid) AS persons FROM pairs GROUP BY grp`.execute(ctx.db);
  const by = new Map(
    rows.map((r) => [r.grp, { visits: Number(r.visits), persons: Number(r.persons), extra: {} }]),
  );
  const all = await countAll(ctx, BASE); // every consultation is in at least one bucket
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
  const { rows } = await sql<{ number: number; visits: number; persons: number; name: string | null }>`
    WITH top AS (
      SELECT d.number AS number, count(*) AS visits, count(DISTINCT d.pid) AS persons
      FROM temp.report_diseases d
      GROUP BY d.number
      ORDER BY visits DESC, d.number
      LIMIT ${s.topN}
    )
    SELECT top.*, (SELECT m.name_ja FROM master_nanbyo m WHERE m.number = top.number
                   ORDER BY m.list_version DESC LIMIT 1) AS name
    FROM top ORDER BY visits DESC, number`.execute(ctx.db);
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
