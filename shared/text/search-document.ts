import { foldForSearch } from './normalize';

export interface SearchDocumentParts {
  name: string | null;
  nameKana: string | null;
  summary: string | null;
  responseText: string | null;
  consulterNote: string | null;
  diseaseOther: string | null;
  referralNote: string | null;
  serial: string;
}

/** A person's folded name and kana (persons.search_text). */
export function personSearchText(name: unknown, kana: unknown): string {
  return foldForSearch([name, kana].filter((x): x is string => typeof x === 'string' && !!x).join(' '));
}

/**
 * The folded text a consultation is found by: the person's name and kana, the free texts, then
 * the name and kana run together (佐藤一郎 as typed without the space finds 佐藤 一郎) and the
 * record number (R7-000002 → r7-000002). Built here for the service, the sync's derived rows
 * and — frozen, in SQL — migration 0013, which all must give the same text.
 */
export function searchDocumentText(p: SearchDocumentParts): string {
  const texts = [
    p.name,
    p.nameKana,
    p.summary,
    p.responseText,
    p.consulterNote,
    p.diseaseOther,
    p.referralNote,
  ];
  const base = foldForSearch(texts.filter((x): x is string => !!x).join('\n'));
  const runTogether = personSearchText(p.name, p.nameKana).replace(/ /g, '');
  return [base, runTogether, foldForSearch(p.serial)].filter(Boolean).join(' ');
}
