import { en as enCli } from '../../shared/i18n/en/cli';
import { en as enCore } from '../../shared/i18n/en/core';
import { ja as jaCli } from '../../shared/i18n/ja/cli';
import { ja as jaCore } from '../../shared/i18n/ja/core';

export type CliLanguage = 'ja' | 'en';
type CliText = typeof jaCli.cli;

/**
 * The command line speaks the language the app does: `--lang` first, then YORISOI_LANG, then the
 * locale (LC_ALL, LC_MESSAGES, LANG). Japanese unless one of them says English: a Windows
 * office PC usually sets none of them, and Japanese is the staff's language.
 */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env, flag?: string): CliLanguage {
  for (const v of [flag, env.YORISOI_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!v || v === 'C' || v.startsWith('C.') || v === 'POSIX') continue;
    return v.toLowerCase().startsWith('en') ? 'en' : 'ja';
  }
  return 'ja';
}

// one run of the CLI is one language; runCli sets it before any command prints
let current: CliLanguage = cliLanguage();

export function setCliLanguage(lang: CliLanguage): void {
  current = lang;
}

/** The CLI's words in the current language. */
export function cliText(): CliText {
  return current === 'ja' ? jaCli.cli : (enCli.cli as CliText);
}

/** An error code's sentence, the same one the app's screens show. */
export function errorText(code: string): string | undefined {
  const errors = (current === 'ja' ? jaCore.errors : enCore.errors) as Record<string, string>;
  return errors[code];
}

/** Fills i18next-style `{{name}}` placeholders. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/**
 * One stderr line for a failure: the code (for scripts), the sentence the app shows for it, and
 * the specific detail when there is one (which flag, which file) in parentheses.
 */
export function errorLine(code: string, message: string): string {
  const t = cliText();
  const sentence = errorText(code);
  const generic = [
    sentence,
    (jaCore.errors as Record<string, string>)[code],
    (enCore.errors as Record<string, string>)[code],
  ];
  const detail = message && !generic.includes(message) ? fill(t.errorDetail, { detail: message }) : '';
  return fill(t.errorLine, { code, message: (sentence ?? message) + detail }).split('\n')[0]!;
}
