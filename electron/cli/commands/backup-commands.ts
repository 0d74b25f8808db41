import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { composeApp } from '../../app/compose';
import { flags, str } from '../args';
import { cliText, fill } from '../cli-text';
import { withSecondFactor } from '../second-factor';
import { secretFrom } from '../secrets';
import type { Out } from './casefile-commands';
import { openCliSession } from './session-door';

/** `backup --casefile F --login L --to DIR`: an encrypted snapshot with rotation. */
export async function backupCommand(argv: string[], out: Out): Promise<void> {
  const s = await openCliSession(argv, { to: 'string' });
  try {
    const r = await s.call<{ snapshot: { path: string; bytes: number }; pruned: number }>('backup.run', {
      ...(typeof s.values.to === 'string' ? { folder: s.values.to } : {}),
    });
    out(
      fill(cliText().backup.snapshot, { path: r.snapshot.path, bytes: r.snapshot.bytes, pruned: r.pruned }),
    );
  } finally {
    await s.close();
  }
}

type Restored = { deviceId: string; replaced: string | null };

/**
 * `restore --from SNAPSHOT --casefile F --login L`: the snapshot becomes the case file (new
 * device id), through the dispatcher: with a case file there, the login signs in to it and must
 * be an administrator ('backup.restore'); with none left, the login must be an administrator in
 * the snapshot ('backup.restoreLost'). The passphrase (and code) open both.
 */
export async function restoreCommand(argv: string[], out: Out): Promise<void> {
  const { values } = flags(argv, { from: 'string', casefile: 'string', login: 'string' }, [
    'from',
    'casefile',
    'login',
  ]);
  const snapshot = str(values, 'from');
  let r: Restored;
  if (existsSync(str(values, 'casefile'))) {
    const s = await openCliSession(argv, { from: 'string' });
    try {
      const passphrase = await secretFrom('YORISOI_PASSPHRASE', cliText().ask.passphrase);
      r = await withSecondFactor((secondFactor) =>
        s.call<Restored>('backup.restore', {
          snapshot,
          passphrase,
          ...(secondFactor ? { secondFactor } : {}),
        }),
      );
    } finally {
      await s.close();
    }
  } else {
    const { dispatcher } = composeApp({ casefile: str(values, 'casefile') });
    const passphrase = await secretFrom('YORISOI_PASSPHRASE', cliText().ask.passphrase);
    r = await withSecondFactor(async (secondFactor) => {
      const a = await dispatcher.dispatch('backup.restoreLost', {
        snapshot,
        login: str(values, 'login'),
        passphrase,
        ...(secondFactor ? { secondFactor } : {}),
      });
      if (!a.ok) throw new AppError(a.error.code, a.error.message);
      return a.data as Restored;
    });
  }
  out(
    `restored; new device id ${r.deviceId}${r.replaced ? `; the previous file is kept as ${r.replaced}` : ''}`,
  );
}
