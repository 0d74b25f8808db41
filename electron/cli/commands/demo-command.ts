// `yorisoi demo --casefile F --login L --consultations N [--seed S]`: a case file full of
// FICTITIOUS consultations (架空データ) for demonstrations, training and benchmarks.
import { existsSync } from 'node:fs';
import { composeApp } from '../../app/compose';
import type { ChannelOutput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { flags, str } from '../args';
import { cliText, fill } from '../cli-text';
import { secretFrom } from '../secrets';

export const DEMO_CENTER_NAME = 'デモセンター（架空データ）';

export async function demoCommand(argv: string[], out: (line: string) => void): Promise<void> {
  const { values } = flags(
    argv,
    { casefile: 'string', login: 'string', consultations: 'string', seed: 'string' },
    ['casefile', 'login', 'consultations'],
  );
  const casefile = str(values, 'casefile');
  const login = str(values, 'login');
  const count = wholeNumber(str(values, 'consultations'), 'consultations', 1_000_000);
  const seed = values.seed === undefined ? 1 : wholeNumber(str(values, 'seed'), 'seed', 2 ** 32 - 1);

  // through the dispatcher like every door: the demo.fill channel's permission, its checks
  const { runtime, dispatcher } = composeApp({ casefile });
  const created = !existsSync(casefile);
  try {
    if (created) {
      const passphrase = await secretFrom('YORISOI_PASSPHRASE', cliText().ask.passphrase, true);
      const { recoveryCode } = await runtime.create({
        centerName: DEMO_CENTER_NAME,
        login,
        displayName: login,
        passphrase,
        profession: 'nanbyo_counselor',
      });
      out(fill(cliText().demo.created, { path: casefile, center: DEMO_CENTER_NAME }));
      out(cliText().casefile.recoveryCodeOnce);
      out(recoveryCode);
    } else {
      const passphrase = await secretFrom('YORISOI_PASSPHRASE', cliText().ask.passphrase);
      await runtime.login(login, passphrase);
    }
    out(fill(cliText().demo.generating, { count, seed }));
    let lastShown = -1;
    const started = Date.now();
    const answer = await dispatcher.dispatch(
      'demo.fill',
      { seed, consultations: count },
      {
        onProgress: (done, total) => {
          const tenth = total ? Math.floor((done * 10) / total) : 10;
          if (tenth === lastShown) return;
          lastShown = tenth;
          out(`  ${done} / ${total}`);
        },
      },
    );
    if (!answer.ok) throw new AppError(answer.error.code, answer.error.message, answer.error.issues);
    const result = answer.data as ChannelOutput<'demo.fill'>;
    const seconds = (Date.now() - started) / 1000;
    out(fill(cliText().demo.done, { ...result, seconds: seconds.toFixed(1) }));
    out(cliText().demo.fictitious);
  } finally {
    await runtime.lock();
  }
}

function wholeNumber(text: string, name: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) > max) {
    throw new AppError('INVALID_INPUT', `--${name} must be a whole number from 0 to ${max}`);
  }
  return Number(text);
}
