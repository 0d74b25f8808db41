// Text folding for search and for storing names. Pure string functions, no locale data.

// ァ (U+30A1) … ヶ (U+30F6) and the iteration marks ヽヾ sit exactly 0x60 above their hiragana.
// ヷヸヹヺ have no hiragana counterpart and are left alone.
const KATAKANA = /[\u30A1-\u30F6\u30FD\u30FE]/g;
const KANA_OFFSET = 0x60;

// CJK compatibility ideographs (e.g. 塚 U+FA10) are real name variants; NFKC would replace them
// with the unified form (塚), so names keep them and only search folds them.
const CJK_COMPAT = /([\uF900-\uFAFF]|[\u{2F800}-\u{2FA1F}])/u;

/** Katakana → hiragana only; everything else unchanged. */
export function foldKana(s: string): string {
  return s.replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - KANA_OFFSET));
}

/** Collapses every run of whitespace (incl. U+3000 全角スペース) to one space and trims. */
export function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Search key: NFKC (ﾔﾏﾀﾞ → ヤマダ, ＡＢＣ１２３ → ABC123, ㍻ → 平成), katakana → hiragana,
 * lowercase, whitespace collapsed. やまだ / ヤマダ / ﾔﾏﾀﾞ all give 'やまだ'.
 */
export function foldForSearch(s: string): string {
  return collapseSpaces(foldKana(s.normalize('NFKC')).toLowerCase());
}

/**
 * Name as stored: width folded (NFKC), spaces collapsed, kana kind and case kept.
 * CJK compatibility ideographs are kept as typed (see CJK_COMPAT).
 */
export function normalizeName(s: string): string {
  const parts = s.split(CJK_COMPAT); // odd indices are the captured compatibility ideographs
  return collapseSpaces(parts.map((p, i) => (i % 2 === 1 ? p : p.normalize('NFKC'))).join(''));
}
