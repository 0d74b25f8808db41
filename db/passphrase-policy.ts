import { AppError } from '../shared/errors';
import { COMMON_PASSPHRASE_CORES } from './common-passphrases';

/** At least 10 characters (Japanese counts per character), not one repeated character. */
export const MIN_PASSPHRASE_LENGTH = 10;

export function assertPassphraseAcceptable(p: string): void {
  const chars = [...p.normalize('NFC')];
  if (chars.length < MIN_PASSPHRASE_LENGTH || new Set(chars).size < 4) {
    throw new AppError(
      'WEAK_PASSPHRASE',
      `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters and some variety.`,
    );
  }
  if (isCommonPassphrase(p)) {
    throw new AppError(
      'COMMON_PASSPHRASE',
      'That passphrase is among the first ones anyone guesses. Choose words of your own.',
    );
  }
}

/**
 * Common: only digits and symbols, or letters that (once digits, symbols and spaces are taken
 * away, full-width folded, lower case) are a common word, once or repeated — "Password1234!",
 * "1234567890", "qwertyuiop", "passwordpassword".
 */
export function isCommonPassphrase(p: string): boolean {
  const core = p
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');
  if (core === '') return true;
  for (const word of COMMON_PASSPHRASE_CORES) {
    if (core.length % word.length === 0 && core === word.repeat(core.length / word.length)) return true;
  }
  return false;
}
