// `yorisoi demo --casefile F --login L --consultations N [--seed S]`: a case file full of
// FICTITIOUS consultations (架空データ) for demonstrations, training and benchmarks.
import { existsSync } from 'node:fs';
import { AppRuntime } from '../../app/runtime';
import { DEMO_META_KEY, seedDemo } from '../../demo/seed-demo';
import type { ServiceContext } from '../../services/context';
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

  const runtime = new AppRuntime({ casefile });
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
      await assertMayFill(runtime.context());
    }
    out(fill(cliText().demo.generating, { count, seed }));
    let lastShown = -1;
    const started = Date.now();
    const result = await seedDemo(runtime.context(), {
      seed,
      consultations: count,
      onProgress: (done, total) => {
        const tenth = total ? Math.floor((done * 10) / total) : 10;
        if (tenth === lastShown) return;
        lastShown = tenth;
        out(`  ${done} / ${total}`);
      },
    });
    const seconds = (Date.now() - started) / 1000;
    out(fill(cliText().demo.done, { ...result, seconds: seconds.toFixed(1) }));
    out(cliText().demo.fictitious);
  } finally {
    await runtime.lock();
  }
}

/** Only a demo file, or one with no consultations yet, may be filled with fictitious data. */
async function assertMayFill(ctx: ServiceContext): Promise<void> {
  const demo = await ctx.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', DEMO_META_KEY)
    .executeTakeFirst();
  if (demo?.value === '1') return;
  const any = await ctx.db.selectFrom('consultations').select('id').limit(1).executeTakeFirst();
  if (any) {
    throw new AppError(
      'INVALID_INPUT',
      'This case file holds real consultations and is not a demo file: fictitious data is not added to it.',
    );
  }
}

function wholeNumber(text: string, name: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) > max) {
    throw new AppError('INVALID_INPUT', `--${name} must be a whole number from 0 to ${max}`);
  }
  return Number(text);
}
