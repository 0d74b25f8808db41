/**
 * A rough strength hint for a passphrase (not a gate: the case file enforces its own minimum).
 * Length counts most; mixing kinds of characters (kana, kanji, latin, digits, symbols) helps.
 */
export function passphraseStrength(p: string): 0 | 1 | 2 | 3 {
  const chars = [...p];
  if (chars.length < 10) return 0;
  const kinds = [
    /[a-z]/,
    /[A-Z]/,
    /[0-9]/,
    /[\u3040-\u30ff]/,
    /[\u4e00-\u9fff]/,
    /[^a-zA-Z0-9\u3040-\u30ff\u4e00-\u9fff]/,
  ].filter((r) => r.test(p)).length;
  const score = chars.length / 8 + kinds / 2;
  return score >= 4 ? 3 : score >= 2.5 ? 2 : 1;
}
