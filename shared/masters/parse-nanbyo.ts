// The 指定難病 master list (shitei-nanbyo.csv). Attribution: data/ATTRIBUTION.md (CC-BY-4.0).
import { diseaseGroupByJa } from '../vocab/disease-groups';
import { csvError, readCsvRows } from './csv-rows';

/** Store this with every record that cites a disease number; newer lists are new versions. */
export const NANBYO_LIST_VERSION = '2025-04';

export interface NanbyoRow {
  number: number;
  nameJa: string;
  /** 難病情報センター group names (DISEASE_GROUPS ja); several for a few diseases. */
  groups: string[];
  url: string;
}

const HEADER = ['number', 'name_ja', 'group', 'nanbyou_url'] as const;
const SOURCE = 'shitei-nanbyo.csv';

/** Parses the CSV text; throws an Error naming the line for any malformed row. */
export function parseNanbyoCsv(text: string): NanbyoRow[] {
  const seen = new Set<number>();
  return readCsvRows(text, HEADER, SOURCE).map(
    ({ line, fields: [num = '', nameJa = '', group = '', url = ''] }) => {
      const number = Number(num);
      if (!/^[1-9]\d*$/.test(num)) throw csvError(SOURCE, line, `bad disease number "${num}"`);
      if (seen.has(number)) throw csvError(SOURCE, line, `duplicate disease number ${number}`);
      seen.add(number);
      const groups = group.split('|');
      const unknown = groups.find((g) => diseaseGroupByJa(g) === undefined);
      if (unknown !== undefined) throw csvError(SOURCE, line, `unknown disease group "${unknown}"`);
      if (!url.startsWith('https://')) throw csvError(SOURCE, line, `bad url "${url}"`);
      return { number, nameJa, groups, url };
    },
  );
}
