import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { isValidMunicipalityCode } from '../../shared/codes/municipality-code';
import { MUNICIPALITY_LIST_VERSION, parseMunicipalitiesCsv } from '../../shared/masters/parse-municipalities';
import { NANBYO_LIST_VERSION, parseNanbyoCsv } from '../../shared/masters/parse-nanbyo';
import { DISEASE_GROUPS } from '../../shared/vocab/disease-groups';

const dataFile = (name: string) =>
  readFileSync(new URL(`../../shared/masters/data/${name}`, import.meta.url), 'utf8');

describe('指定難病 master list', () => {
  const rows = parseNanbyoCsv(dataFile('shitei-nanbyo.csv'));

  it('has 348 unique numbers 1..348', () => {
    expect(NANBYO_LIST_VERSION).toBe('2025-04');
    expect(rows).toHaveLength(348);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 348 }, (_, i) => i + 1));
    expect(rows[1]).toEqual({
      number: 2,
      nameJa: '筋萎縮性側索硬化症',
      groups: ['神経・筋疾患'],
      url: 'https://www.nanbyou.or.jp/entry/52',
    });
  });

  it('splits the six multi-group diseases', () => {
    expect(rows.filter((r) => r.groups.length > 1).map((r) => r.number)).toEqual([
      303, 306, 330, 343, 345, 348,
    ]);
    expect(rows.find((r) => r.number === 348)?.groups).toEqual([
      '神経・筋疾患',
      '腎・泌尿器疾患',
      '視覚疾患',
    ]);
  });

  it('uses all 14 designated groups and no others', () => {
    const used = new Set(rows.flatMap((r) => r.groups));
    expect([...used].sort()).toEqual(
      DISEASE_GROUPS.filter((g) => g.designated)
        .map((g) => g.ja)
        .sort(),
    );
  });

  it('strips CR line endings (the file is CRLF)', () => {
    expect(rows.every((r) => !r.url.includes('\r'))).toBe(true);
  });

  it('rejects malformed rows naming the line', () => {
    const header = 'number,name_ja,group,nanbyou_url\n';
    const ok = '1,球脊髄性筋萎縮症,神経・筋疾患,https://www.nanbyou.or.jp/entry/73\n';
    expect(() => parseNanbyoCsv(header + ok + '2,名前,神経・筋疾患\n')).toThrow(/line 3: expected 4 fields/);
    expect(() => parseNanbyoCsv(header + 'x,名前,神経・筋疾患,https://a\n')).toThrow(
      /line 2: bad disease number/,
    );
    expect(() => parseNanbyoCsv(header + ok + ok)).toThrow(/line 3: duplicate/);
    expect(() => parseNanbyoCsv(header + '1,名前,謎疾患,https://a\n')).toThrow(
      /line 2: unknown disease group/,
    );
    expect(() => parseNanbyoCsv(header + '1,"名前",神経・筋疾患,https://a\n')).toThrow(/line 2: quoted/);
    expect(() => parseNanbyoCsv(header + '1,,神経・筋疾患,https://a\n')).toThrow(/line 2: empty field/);
    expect(() => parseNanbyoCsv('no,name\n' + ok)).toThrow(/line 1: expected header/);
  });

  it('accepts a BOM', () => {
    expect(parseNanbyoCsv('\uFEFFnumber,name_ja,group,nanbyou_url\n')).toEqual([]);
  });
});

describe('municipality master list', () => {
  const rows = parseMunicipalitiesCsv(dataFile('municipalities.csv'));

  it('has 1,916 municipalities, all with valid unique codes', () => {
    expect(MUNICIPALITY_LIST_VERSION).toBe('2026-07');
    expect(rows).toHaveLength(1916);
    expect(rows.every((r) => isValidMunicipalityCode(r.code))).toBe(true);
    expect(new Set(rows.map((r) => r.code)).size).toBe(1916);
    expect(new Set(rows.map((r) => r.prefCode)).size).toBe(47);
  });

  it('parses the fields', () => {
    expect(rows.find((r) => r.code === '111007')).toEqual({
      code: '111007',
      prefCode: '11',
      prefName: '埼玉県',
      name: 'さいたま市',
      nameKana: 'さいたまし',
    });
  });

  it('rejects a bad check digit or a mismatched prefecture, naming the line', () => {
    const header = 'lg_code,pref_code,pref_name,name,name_kana\n';
    expect(() => parseMunicipalitiesCsv(header + '111008,11,埼玉県,さいたま市,さいたまし\n')).toThrow(
      /line 2: invalid municipality code/,
    );
    expect(() => parseMunicipalitiesCsv(header + '111007,13,埼玉県,さいたま市,さいたまし\n')).toThrow(
      /line 2: pref_code/,
    );
  });
});
