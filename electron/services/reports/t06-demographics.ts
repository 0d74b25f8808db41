/**
 * Table 6: who the persons are — age band × sex, residence by 保健所 area, by municipality.
 * - 延件数: one per consultation, by the values recorded with it (age band, sex, 管轄保健所,
 *   municipality as at that consultation).
 * - 実人数: each person counted in ONE cell only, by the values of their last consultation in
 *   the period (latest received date/time, then id), so the rows add up to the total even when
 *   someone had a birthday or moved. A consultation without a person is one person of its own.
 * - Missing values: sex → その他・不明, age band → 不明; no 保健所 → 県外 when the residence is
 *   outside the prefecture, otherwise 管轄保健所不明; no municipality → 県外 or 不明 likewise.
 * - 保健所管内: a code of another prefecture than the center's own is 県外; else the 管轄保健所
 *   recorded with the consultation; else the one lookup of intake and the directory
 *   (directory/area-lookup.ts: a 政令市 ward under its city's 保健所).
 * - Every active 保健所 of the directory gets a row (zeros too), but one covering only another
 *   prefecture's municipalities; inactive ones only with data.
 * - 6-3 lists the wards of a 政令市 under a subtotal row of their city (persons add up: each is
 *   in one ward only, by their last consultation).
 */
import { sql } from 'kysely';
import type { ReportRow, ReportTable } from '../../../shared/contract/reports';
import { AGE_BANDS } from '../../../shared/vocab/age-bands';
import { SEXES } from '../../../shared/vocab/sex';
import { abolishedMunicipality } from '../../../shared/masters/abolished-municipalities';
import type { ServiceContext } from '../context';
import { AreaLookup, centerPrefecture } from '../../../db/records/institution';
import { cellOf, countLatest, sum } from './count-latest';
import { selectionOf } from './report-selection';
import type { ReportScope } from './report-scope';
import { fill, reportText } from './report-text';
import { columnsOf, item, labelOf, makeTable, orderedKeys, subtotal, total } from './report-table';

const OUT = 'out_of_pref';
const UNKNOWN = 'unknown';

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

/** The codes of the selection, resolved once each: 県外 or their 管轄保健所 by the one lookup. */
async function areasOfCodes(ctx: ServiceContext, s: ReportScope) {
  const sel = await selectionOf(ctx, s);
  const areas = await AreaLookup.load(ctx.db);
  const out = new Map<string, { outside: boolean; healthCenter: string | null; city: string }>();
  for (const code of sel.col.municipalityCode.values) {
    if (!code) continue;
    out.set(code, {
      outside: areas.isOutOfPrefecture(code),
      healthCenter: await areas.healthCenterOf(code),
      city: await areas.cityOf(code),
    });
  }
  return out;
}

export async function t06HealthCenter(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const byCode = await areasOfCodes(ctx, s);
  const m = await countLatest(
    ctx,
    s,
    ['healthCenterId', 'municipalityCode', 'residence'],
    (recorded, code, residence) => {
      const area = code ? byCode.get(code) : undefined;
      if (area?.outside) return OUT;
      return recorded ?? area?.healthCenter ?? (residence === 'out_of_pref' ? OUT : UNKNOWN);
    },
  );
  const centers = await ctx.db
    .selectFrom('institutions')
    .select(['id', 'name', 'active', 'covered_municipalities'])
    .where('type', '=', 'health_center')
    .orderBy('name_kana')
    .orderBy('name')
    .execute();
  // another prefecture's 保健所 (kept for letters) is no area of this one: its residents are 県外
  const prefecture = await centerPrefecture(ctx.db);
  const elsewhere = (covered: string) => {
    const codes = JSON.parse(covered) as string[];
    return prefecture !== null && codes.length > 0 && codes.every((c) => c.slice(0, 2) !== prefecture);
  };
  const listed = centers.filter(
    (hc) => (hc.active === 1 && !elsewhere(hc.covered_municipalities)) || m.has(hc.id),
  );
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
  const byCode = await areasOfCodes(ctx, s);
  const codes = [...m.keys()].filter((k) => k !== OUT && k !== UNKNOWN).sort();
  const cityOf = (code: string) => byCode.get(code)?.city ?? code;
  const wardCities = new Set(codes.filter((c) => cityOf(c) !== c).map(cityOf));
  const named = [...new Set([...codes, ...wardCities])];
  // names from the newest list version that has the code (a merged town keeps its old name)
  const names = named.length
    ? (
        await sql<{ code: string; pref_name: string; name: string }>`
          SELECT code, pref_name, name FROM master_municipalities mm
          WHERE code IN (${sql.join(named)})
            AND list_version = (SELECT max(list_version) FROM master_municipalities x WHERE x.code = mm.code)`.execute(
          ctx.db,
        )
      ).rows
    : [];
  const nameOf = new Map(names.map((n) => [n.code, n]));
  for (const code of named) {
    const gone = abolishedMunicipality(code);
    if (gone && !nameOf.has(code)) nameOf.set(code, { code, pref_name: gone.prefName, name: gone.name });
  }
  const codeRow = (code: string) =>
    item(code, [
      code,
      nameOf.get(code)?.pref_name ?? '',
      nameOf.get(code)?.name ?? '',
      cellOf(m, code).visits,
      cellOf(m, code).persons,
    ]);
  // each code in the order of its city's code; a 政令市's wards (and the city code itself, when
  // recorded without a ward) under a subtotal row of the city
  const groups = [...new Set(codes.map((c) => (wardCities.has(cityOf(c)) ? cityOf(c) : c)))].sort();
  const rows: ReportRow[] = [];
  for (const g of groups) {
    if (!wardCities.has(g)) {
      rows.push(codeRow(g));
      continue;
    }
    const members = codes.filter((c) => cityOf(c) === g);
    const sub = sum(m, (k) => members.includes(k));
    const city = nameOf.get(g);
    rows.push(
      subtotal(`city:${g}`, [
        g,
        city?.pref_name ?? '',
        fill(t.rows.cityOf, { x: city?.name ?? g }),
        sub.visits,
        sub.persons,
      ]),
      ...members.map(codeRow),
    );
  }
  rows.push(
    item(OUT, ['', t.rows.outOfPref, '', cellOf(m, OUT).visits, cellOf(m, OUT).persons]),
    item(UNKNOWN, [
      '',
      t.rows.unknownMunicipality,
      '',
      cellOf(m, UNKNOWN).visits,
      cellOf(m, UNKNOWN).persons,
    ]),
  );
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
