import { isAppError } from '../../shared/errors';
import { cliText } from './cli-text';
import { secretFrom } from './secrets';

/**
 * Runs a sign-in; when the account has a second factor it asks for the code (YORISOI_TOTP,
 * or without echo in a terminal) and runs it once more with the code.
 */
export async function withSecondFactor<T>(signIn: (code?: string) => Promise<T>): Promise<T> {
  try {
    return await signIn(undefined);
  } catch (e) {
    if (!isAppError(e) || e.code !== 'SECOND_FACTOR_REQUIRED') throw e;
  }
  return signIn(await secretFrom('YORISOI_TOTP', cliText().ask.totp));
}
