import { en as enCore } from './en/core';
import { ja as jaCore } from './ja/core';

/**
 * Resources by area; each area is a pair of files ja/<area>.ts and en/<area>.ts, the English
 * typed against the Japanese so a missing key is a compile error (and a test checks values).
 */
export const ja = { ...jaCore };
export const en = { ...enCore };

export const resources = { ja: { translation: ja }, en: { translation: en } } as const;
export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
