import { AppError } from '../shared/errors';

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
}
