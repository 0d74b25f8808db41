import { foldForSearch } from '../text/normalize';

/** What the disease picker searches: the name, its reading and its abbreviations / other names. */
export interface SearchableDisease {
  number: number;
  nameJa: string;
  reading: string | null;
  aliases: readonly string[];
}

/** The folded search keys of a disease (NFKC, katakana → hiragana, lowercase). */
export function diseaseKeys(d: SearchableDisease): { name: string; words: string[] } {
  const fold = (s: string) => foldForSearch(s).replace(/\s/g, '');
  return {
    name: fold(d.nameJa),
    words: [d.reading, ...d.aliases].filter((w): w is string => !!w).map(fold),
  };
}

/**
 * By number ("2", "No.2"), or by the name, reading, abbreviation or other name (kana, width and
 * case folded): an exact abbreviation first (「ALS」), then those that start with the query,
 * then those that contain it; each group by number. Used by the picker and the service alike.
 */
export function matchDiseases<T extends SearchableDisease>(
  all: readonly T[],
  query: string,
  limit = 12,
): T[] {
  const q = foldForSearch(query)
    .replace(/^no\.?\s*/, '')
    .replace(/\s/g, '');
  if (!q) return [];
  if (/^\d+$/.test(q)) return all.filter((d) => String(d.number).startsWith(q)).slice(0, limit);
  const ranked: { d: T; rank: number }[] = [];
  for (const d of all) {
    const { name, words } = diseaseKeys(d);
    const keys = [name, ...words];
    const rank = words.includes(q)
      ? 0
      : keys.some((k) => k.startsWith(q))
        ? 1
        : keys.some((k) => k.includes(q))
          ? 2
          : -1;
    if (rank >= 0) ranked.push({ d, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.d.number - b.d.number)
    .slice(0, limit)
    .map((x) => x.d);
}
