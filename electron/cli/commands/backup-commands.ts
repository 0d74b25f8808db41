import { restoreSnapshot } from '../../../db/backup/restore';
import { flags, str } from '../args';
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
    out(`snapshot: ${r.snapshot.path} (${r.snapshot.bytes} bytes), pruned ${r.pruned}`);
  } finally {
    await s.close();
  }
}

/** `restore --from SNAPSHOT --casefile F --login L`: the snapshot becomes the case file (new device id). */
export async function restoreCommand(argv: string[], out: Out): Promise<void> {
  const { values } = flags(argv, { from: 'string', casefile: 'string', login: 'string' }, [
    'from',
    'casefile',
    'login',
  ]);
  const passphrase = await secretFrom('YORISOI_PASSPHRASE', 'パスフレーズ / Passphrase: ');
  const r = await withSecondFactor((secondFactor) =>
    restoreSnapshot({
      snapshot: str(values, 'from'),
      casefile: str(values, 'casefile'),
      login: str(values, 'login'),
      passphrase,
      secondFactor,
    }),
  );
  out(
    `restored; new device id ${r.deviceId}${r.replaced ? `; the previous file is kept as ${r.replaced}` : ''}`,
  );
}
