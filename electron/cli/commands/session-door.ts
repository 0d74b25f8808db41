import { composeApp } from '../../app/compose';
import { AppError } from '../../../shared/errors';
import type { ApiResult } from '../../../shared/contract';
import { flags, str } from '../args';
import { cliText } from '../cli-text';
import { withSecondFactor } from '../second-factor';
import { secretFrom } from '../secrets';

/**
 * The CLI door: unlock with --casefile/--login, then call channels through the same
 * dispatcher as the app. A contract error becomes an AppError (one line on stderr).
 */
export async function openCliSession(argv: string[], extra: Record<string, 'string' | 'boolean'> = {}) {
  const parsed = flags(argv, { casefile: 'string', login: 'string', json: 'boolean', ...extra }, [
    'casefile',
    'login',
  ]);
  const { runtime, dispatcher } = composeApp({ casefile: str(parsed.values, 'casefile') });
  const passphrase = await secretFrom('YORISOI_PASSPHRASE', cliText().ask.passphrase);
  await withSecondFactor((code) => runtime.login(str(parsed.values, 'login'), passphrase, code));
  async function call<T>(channel: string, input: unknown): Promise<T> {
    const r = (await dispatcher.dispatch(channel, input)) as ApiResult<T>;
    if (!r.ok) {
      const where = r.error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
      throw new AppError(r.error.code, where ? `${r.error.message} ${where}` : r.error.message);
    }
    return r.data;
  }
  // the passphrase stays for a channel that asks for it again (changing it: the old one)
  return { ...parsed, runtime, call, passphrase, close: () => runtime.lock() };
}
