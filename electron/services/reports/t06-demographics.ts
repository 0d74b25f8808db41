/**
 * Table 6: who the persons are — age band × sex, residence by 保健所 area, by municipality.
 * - 延件数: one per consultation, by the values recorded with it (age band, sex, 管轄保健所,
 *   municipality as at that consultation).
 * - 実人数: each person counted in ONE cell only, by the values of their last consultation in
 *   the period (latest received date/time, then id), so the rows add up to the total even when
 *   someone had a birthday or moved. A consultation without a person is one person of its own.
 * - Missing values: sex → その他・不明, age band → 不明; no 保健所 → 県外 when the residence is
 *   outside the prefecture, otherwise 管轄保健所不明; no municipality → 県外 or 不明 likewise.
 * - Every active 保健所 of the directory gets a row (zeros too); inactive ones only with data.
 */
import { sql } from 'kysely';
import type { ReportRow, ReportTable } from '../../../shared/contract/reports';
import { AGE_BANDS } from '../../../shared/vocab/age-bands';
import { SEXES } from '../../../shared/vocab/sex';
import type { ServiceContext } from '../context';
import { rowKeys } from './count-groups';
import { selectionOf, type ColumnName } from './report-selection';
import type { ReportScope } from './report-scope';
import { fill, reportText } from './report-text';
import { columnsOf, item, labelOf, makeTable, orderedKeys, total } from './report-table';

const OUT = 'out_of_pref';
const UNKNOWN = 'unknown';

interface Cell {
  visits: number;
  persons: number;
}

/**
 * 延件数 and 実人数 per key. Persons: counted on their last consultation in scope only
 * (the selection's `last`, see report-selection.ts).
 */
async function countLatest(
  ctx: ServiceContext,
  s: ReportScope,
  columns: ColumnName[],
  key: (...values: (string | null)[]) => string,
): Promise<Map<string, Cell>> {
  const sel = await selectionOf(ctx, s);
  const { keys, of } = rowKeys(sel, columns, key);
  const cells = keys.map(() => ({ visits: 0, persons: 0 }));
  for (let i = 0; i < sel.size; i++) {
    const c = cells[of[i]!]!;
    c.visits++;
    c.persons += sel.last[i]!;
  }
  return new Map(keys.map((k, n) => [k, cells[n]!]));
}

const cellOf = (m: Map<string, Cell>, k: string): Cell => m.get(k) ?? { visits: 0, persons: 0 };

function sum(m: Map<string, Cell>, pick: (k: string) => boolean): Cell {
  const out = { visits: 0, persons: 0 };
  for (const [k, c] of m)
    if (pick(k)) [out.visits, out.persons] = [out.visits + c.visits, out.persons + c.persons];
  return out;
}

export async function t06AgeSex(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const m = await countLatest(
    ctx,
    s,
    ['ageBand', 'sex'],
    (band, sex) => `${band ?? 'unknown'}|${sex ?? 'other_unknown'}`,
  );
  const sexes = SEXES.map((x) => x.code as string);
  const bands = orderedKeys(
    AGE_BANDS.map((b) => b.code),
    [...m.keys()].map((k) => k.split('|')[0]!),
  );
  const sexKeys = orderedKeys(
    sexes,
    [...m.keys()].map((k) => k.split('|')[1]!),
  );
  const line = (pick: (band: string, sex: string) => boolean) => {
    const cells = sexKeys.map((x) => sum(m, (k) => pick(k.split('|')[0]!, x) && k.split('|')[1] === x));
    const all = sum(m, (k) => pick(k.split('|')[0]!, k.split('|')[1]!));
    return [...cells.map((c) => c.visits), all.visits, ...cells.map((c) => c.persons), all.persons];
  };
  const sexLabel = (x: string) => labelOf(SEXES, x, s);
  return makeTable(
    't06-age-sex',
    s,
    [
      col.text('ageBand'),
      ...sexKeys.map((x) => col.numAs(`visits:${x}`, fill(t.columns.visitsOf, { x: sexLabel(x) }))),
      col.numAs('visits:total', fill(t.columns.visitsOf, { x: t.columns.sexTotal })),
      ...sexKeys.map((x) => col.numAs(`persons:${x}`, fill(t.columns.personsOf, { x: sexLabel(x) }))),
      col.numAs('persons:total', fill(t.columns.personsOf, { x: t.columns.sexTotal })),
    ],
    [
      ...bands.map((b) => item(b, [labelOf(AGE_BANDS, b, s), ...line((band) => band === b)])),
      total([t.rows.total, ...line(() => true)]),
    ],
    't06',
  );
}

/** Residence bucket: the code when known, else outside the prefecture or unknown. */
const residenceKey = (code: string | null, residence: string | null) =>
  code ?? (residence === 'out_of_pref' ? OUT : UNKNOWN);

export async function t06HealthCenter(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const m = await countLatest(ctx, s, ['healthCenterId', 'residence'], residenceKey);
  const centers = await ctx.db
    .selectFrom('institutions')
    .select(['id', 'name', 'active'])
    .where('type', '=', 'health_center')
    .orderBy('name_kana')
    .orderBy('name')
    .execute();
  const listed = centers.filter((hc) => hc.active === 1 || m.has(hc.id));
  const known = new Set(centers.map((hc) => hc.id));
  const strangers = [...m.keys()].filter((k) => k !== OUT && k !== UNKNOWN && !known.has(k)).sort();
  const rows: ReportRow[] = [
    ...listed.map((hc) => item(hc.id, [hc.name, cellOf(m, hc.id).visits, cellOf(m, hc.id).persons])),
    ...strangers.map((id) =>
      item(id, [t.rows.unknownInstitution, cellOf(m, id).visits, cellOf(m, id).persons]),
    ),
    item(OUT, [t.rows.outOfPref, cellOf(m, OUT).visits, cellOf(m, OUT).persons]),
    item(UNKNOWN, [t.rows.unknownArea, cellOf(m, UNKNOWN).visits, cellOf(m, UNKNOWN).persons]),
  ];
  const all = sum(m, () => true);
  return makeTable(
    't06-health-center',
    s,
    [col.text('healthCenter'), col.num('visits'), col.num('persons')],
    [...rows, total([t.rows.total, all.visits, all.persons])],
    't06',
  );
}

export async function t06Municipality(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const m = await countLatest(ctx, s, ['municipalityCode', 'residence'], residenceKey);
  const codes = [...m.keys()].filter((k) => k !== OUT && k !== UNKNOWN).sort();
  // names from the newest list version that has the code (a merged town keeps its old name)
  const names = codes.length
    ? (
        await sql<{ code: string; pref_name: string; name: string }>`
          SELECT code, pref_name, name FROM master_municipalities mm
          WHERE code IN (${sql.join(codes)})
            AND list_version = (SELECT max(list_version) FROM master_municipalities x WHERE x.code = mm.code)`.execute(
          ctx.db,
        )
      ).rows
    : [];
  const byCode = new Map(names.map((n) => [n.code, n]));
  const rows: ReportRow[] = [
    ...codes.map((code) =>
      item(code, [
        code,
        byCode.get(code)?.pref_name ?? '',
        byCode.get(code)?.name ?? '',
        cellOf(m, code).visits,
        cellOf(m, code).persons,
      ]),
    ),
    item(OUT, ['', t.rows.outOfPref, '', cellOf(m, OUT).visits, cellOf(m, OUT).persons]),
    item(UNKNOWN, [
      '',
      t.rows.unknownMunicipality,
      '',
      cellOf(m, UNKNOWN).visits,
      cellOf(m, UNKNOWN).persons,
    ]),
  ];
  const all = sum(m, () => true);
  return makeTable(
    't06-municipality',
    s,
    [
      col.text('municipalityCode'),
      col.text('prefecture'),
      col.text('municipality'),
      col.num('visits'),
      col.num('persons'),
    ],
    [...rows, total(['', t.rows.total, '', all.visits, all.persons])],
    't06',
  );
}
