// Municipality and ward codes that no longer exist, with the day they ended, so a consultation
// dated before that day may still cite them and its ward still counts under its city.
// Source: 浜松市's ward reorganisation of 2024-01-01 (7 wards → 中央区・浜名区・天竜区), as announced
// by 浜松市 and reflected in 総務省's 全国地方公共団体コード; written here by hand (see
// shared/masters/data/ATTRIBUTION.md). Check digits are verified by tests/unit/masters.test.ts.

export interface AbolishedMunicipality {
  code: string;
  prefCode: string;
  prefName: string;
  name: string;
  nameKana: string;
  /** the 政令市 a ward belonged to */
  cityCode: string | null;
  /** the first day the code no longer exists */
  abolishedOn: string;
  /** the codes that took its area */
  successors: string[];
}

const hamamatsu = (
  code: string,
  ward: string,
  kana: string,
  successors: string[],
): AbolishedMunicipality => ({
  code,
  prefCode: '22',
  prefName: '静岡県',
  name: `浜松市 ${ward}`,
  nameKana: `はままつし ${kana}`,
  cityCode: '221309',
  abolishedOn: '2024-01-01',
  successors,
});

export const ABOLISHED_MUNICIPALITIES: readonly AbolishedMunicipality[] = [
  hamamatsu('221317', '中区', 'なかく', ['221384']),
  hamamatsu('221325', '東区', 'ひがしく', ['221384']),
  hamamatsu('221333', '西区', 'にしく', ['221384']),
  hamamatsu('221341', '南区', 'みなみく', ['221384']),
  hamamatsu('221350', '北区', 'きたく', ['221384', '221392']),
  hamamatsu('221368', '浜北区', 'はまきたく', ['221392']),
  hamamatsu('221376', '天竜区', 'てんりゅうく', ['221406']),
];

/** Codes made by the same changes: they exist from that day on. */
export const ESTABLISHED_MUNICIPALITIES: readonly { code: string; name: string; establishedOn: string }[] = [
  { code: '221384', name: '浜松市 中央区', establishedOn: '2024-01-01' },
  { code: '221392', name: '浜松市 浜名区', establishedOn: '2024-01-01' },
  { code: '221406', name: '浜松市 天竜区', establishedOn: '2024-01-01' },
];

/**
 * Whether a code of the current list, or one that has ended, existed on a day: a code of the
 * list exists unless it was made after that day; an ended code exists before its end.
 */
export function existedOn(code: string, inCurrentList: boolean, day: string): boolean {
  if (inCurrentList) {
    const made = ESTABLISHED_MUNICIPALITIES.find((m) => m.code === code);
    return !made || made.establishedOn <= day;
  }
  const gone = abolishedMunicipality(code);
  return !!gone && day < gone.abolishedOn;
}

export function abolishedMunicipality(code: string): AbolishedMunicipality | undefined {
  return ABOLISHED_MUNICIPALITIES.find((m) => m.code === code);
}
