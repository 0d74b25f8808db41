import { en } from './en';
import { ja } from './ja';

export const resources = { ja: { translation: ja }, en: { translation: en } } as const;
export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
