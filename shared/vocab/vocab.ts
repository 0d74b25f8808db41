// The shape every vocabulary shares, and helpers derived from a list.

export interface VocabEntry {
  readonly code: string;
  readonly ja: string;
  readonly en: string;
}

export type Lang = 'ja' | 'en';

/** Type guard for one vocabulary's codes: `isX(value)`. */
export function codeGuard<T extends readonly VocabEntry[]>(list: T) {
  const codes: ReadonlySet<string> = new Set(list.map((e) => e.code));
  return (value: unknown): value is T[number]['code'] => typeof value === 'string' && codes.has(value);
}

/** Label of a code in one language, or undefined for an unknown code. */
export function vocabLabel(list: readonly VocabEntry[], code: string, lang: Lang): string | undefined {
  return list.find((e) => e.code === code)?.[lang];
}
