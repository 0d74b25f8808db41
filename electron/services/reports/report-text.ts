import { en } from '../../../shared/i18n/en/reports';
import { ja } from '../../../shared/i18n/ja/reports';

export type ReportLang = 'ja' | 'en';
export type ReportText = typeof ja.reports;

/** The report wording in one language (the same resources the renderer's help shows). */
export function reportText(lang: ReportLang): ReportText {
  return lang === 'ja' ? ja.reports : en.reports;
}

/** Fills i18next-style `{{name}}` placeholders. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}
