import { ABOLISHED_MUNICIPALITIES, existedOn } from '../../shared/masters/abolished-municipalities';
import { PREFECTURES } from '../../shared/codes/prefectures';
import { matchDiseases } from '../../shared/masters/match-diseases';
import { NANBYO_READINGS } from '../../shared/masters/nanbyo-readings';
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { isValidMunicipalityCode, municipalityCheckDigit } from '../../shared/codes/municipality-code';
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

  it('has 1,912 municipalities, all with valid unique codes', () => {
    expect(MUNICIPALITY_LIST_VERSION).toBe('2024-01-01');
    expect(rows).toHaveLength(1912);
    expect(rows.every((r) => isValidMunicipalityCode(r.code))).toBe(true);
    expect(new Set(rows.map((r) => r.code)).size).toBe(1912);
    expect(new Set(rows.map((r) => r.prefCode)).size).toBe(47);
  });

  it('has 浜松市 as it is since 2024-01-01: 中央区, 浜名区, 天竜区 (new codes), none of the seven old wards', () => {
    expect(rows.filter((r) => r.code.startsWith('2213') || r.code.startsWith('2214'))).toEqual([
      { code: '221309', prefCode: '22', prefName: '静岡県', name: '浜松市', nameKana: 'はままつし' },
      {
        code: '221384',
        prefCode: '22',
        prefName: '静岡県',
        name: '浜松市 中央区',
        nameKana: 'はままつし ちゅうおうく',
      },
      {
        code: '221392',
        prefCode: '22',
        prefName: '静岡県',
        name: '浜松市 浜名区',
        nameKana: 'はままつし はまなく',
      },
      {
        code: '221406',
        prefCode: '22',
        prefName: '静岡県',
        name: '浜松市 天竜区',
        nameKana: 'はままつし てんりゅうく',
      },
    ]);
    // the check digits, worked by hand: 2·6+2·5+1·4+3·3+8·2 = 51, 51 mod 11 = 7, 11 − 7 = 4 → 221384
    expect(['22138', '22139', '22140'].map(municipalityCheckDigit)).toEqual(['4', '2', '6']);
  });

  it('knows the codes that ended, with their last day, and the wards they became', () => {
    expect(ABOLISHED_MUNICIPALITIES.map((m) => [m.code, m.name])).toEqual([
      ['221317', '浜松市 中区'],
      ['221325', '浜松市 東区'],
      ['221333', '浜松市 西区'],
      ['221341', '浜松市 南区'],
      ['221350', '浜松市 北区'],
      ['221368', '浜松市 浜北区'],
      ['221376', '浜松市 天竜区'],
    ]);
    const current = new Set(rows.map((r) => r.code));
    for (const m of ABOLISHED_MUNICIPALITIES) {
      expect(isValidMunicipalityCode(m.code), m.code).toBe(true);
      expect(current.has(m.code), m.code).toBe(false);
      expect(
        m.successors.every((c) => current.has(c)),
        m.code,
      ).toBe(true);
      expect(existedOn(m.code, false, '2023-12-31')).toBe(true);
      expect(existedOn(m.code, false, '2024-01-01')).toBe(false);
    }
    expect(existedOn('221384', true, '2023-12-31')).toBe(false); // 中央区 did not exist yet
    expect(existedOn('221384', true, '2024-01-01')).toBe(true);
    expect(existedOn('111007', true, '1990-01-01')).toBe(true);
  });

  it('names the 47 prefectures as the master does', () => {
    const byCode = new Map(rows.map((r) => [r.prefCode, r.prefName]));
    expect(PREFECTURES.map((p) => [p.code, p.ja])).toEqual([...byCode].sort());
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

describe('readings and abbreviations of the 指定難病 (the picker finds them)', () => {
  const list = parseNanbyoCsv(dataFile('shitei-nanbyo.csv')).map((r) => {
    const known = NANBYO_READINGS.find((x) => x.number === r.number && x.name === r.nameJa);
    return {
      number: r.number,
      nameJa: r.nameJa,
      reading: known?.reading ?? null,
      aliases: known?.aliases ?? [],
    };
  });
  const first = (q: string) => matchDiseases(list, q)[0]?.number;

  it('every entry names its disease as the list does (an entry for another name would mislead)', () => {
    const names = new Map(list.map((d) => [d.number, d.nameJa]));
    for (const r of NANBYO_READINGS) expect(names.get(r.number), String(r.number)).toBe(r.name);
  });

  it('finds the common abbreviations first, in any width or case', () => {
    expect(first('ALS')).toBe(2);
    expect(first('ａｌｓ')).toBe(2);
    expect(first('SCD')).toBe(18);
    expect(first('MSA')).toBe(17);
    expect(first('SLE')).toBe(49);
    expect(first('ms')).toBe(13); // MS exactly before MSA
    expect(first('UC')).toBe(97);
    expect(first('ITP')).toBe(63);
    // two diseases share RP: both first, before names that merely contain it (ＴＲＰＶ４異常症)
    expect(matchDiseases(list, 'RP').map((d) => d.number)).toEqual([55, 90, 341]);
  });

  it('finds a name by its reading, in hiragana or katakana, and by a former name', () => {
    expect(first('きんいしゅくせいそく')).toBe(2);
    expect(first('キンイシュクセイソク')).toBe(2);
    expect(first('せきずいしょうのう')).toBe(18);
    expect(first('ぱーきんそん')).toBe(6);
    expect(first('特発性血小板減少性紫斑病')).toBe(63);
    expect(first('潰瘍性')).toBe(97);
    expect(first('No.2')).toBe(2);
  });
});
