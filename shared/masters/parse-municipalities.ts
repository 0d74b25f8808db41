// The municipality master list (municipalities.csv). Attribution: data/ATTRIBUTION.md (CC0).
import { isValidMunicipalityCode, prefectureCodeOf } from '../codes/municipality-code';
import { csvError, readCsvRows } from './csv-rows';

/**
 * Codes change with mergers: store the list version and load new lists as new versions. The
 * version is the list's as-of date: this one has 浜松市's wards as they are since 2024-01-01
 * (中央区・浜名区・天竜区). The first list shipped was labelled '2026-07' but still had the seven
 * wards of before; case files keep it as an old version (masters/latest-version.ts prefers this
 * one), and codes that ended are in abolished-municipalities.ts with their last day.
 */
export const MUNICIPALITY_LIST_VERSION = '2024-01-01';

export interface MunicipalityRow {
  code: string; // 6 digits incl. check digit
  prefCode: string; // 2 digits
  prefName: string;
  name: string; // 政令市 wards as 「さいたま市 西区」
  nameKana: string; // hiragana
}

const HEADER = ['lg_code', 'pref_code', 'pref_name', 'name', 'name_kana'] as const;
const SOURCE = 'municipalities.csv';

/** Parses the CSV text; throws an Error naming the line for any malformed row. */
export function parseMunicipalitiesCsv(text: string): MunicipalityRow[] {
  const seen = new Set<string>();
  return readCsvRows(text, HEADER, SOURCE).map(
    ({ line, fields: [code = '', prefCode = '', prefName = '', name = '', nameKana = ''] }) => {
      if (!isValidMunicipalityCode(code)) throw csvError(SOURCE, line, `invalid municipality code "${code}"`);
      if (seen.has(code)) throw csvError(SOURCE, line, `duplicate municipality code ${code}`);
      seen.add(code);
      if (prefCode !== prefectureCodeOf(code))
        throw csvError(SOURCE, line, `pref_code "${prefCode}" does not match ${code}`);
      return { code, prefCode, prefName, name, nameKana };
    },
  );
}
