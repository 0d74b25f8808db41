import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { writeAudit } from '../audit';
import { CaseFile } from '../case-file';
import { keyslotPath } from '../crypto/keyslot-file';

/**
 * Puts a snapshot back as the case file. The snapshot must open with the given login and
 * passphrase before anything is replaced; the current file (if any) is kept beside it as
 * `.replaced-<time>`. The restored file takes a new device id, so ops it writes from now on
 * never reuse sequence numbers the old device already sent to its peers.
 */
export async function restoreSnapshot(input: {
  snapshot: string;
  casefile: string;
  login: string;
  passphrase: string;
  now?: Date;
}): Promise<{ deviceId: string; replaced: string | null }> {
  const { snapshot, casefile } = input;
  if (!existsSync(snapshot) || !existsSync(`${snapshot}.keys`)) {
    throw new AppError('CASEFILE_NOT_FOUND', `No snapshot (with its .keys) at ${snapshot}`);
  }
  // prove the snapshot opens (and is intact) before touching the current file
  const probe = await CaseFile.unlock({
    casefile: snapshot,
    login: input.login,
    passphrase: input.passphrase,
  });
  const report = await probe.integrityCheck();
  await probe.lock();
  if (!report.ok)
    throw new AppError('INTEGRITY_FAILED', `The snapshot is damaged: ${report.problems.join('; ')}`);

  const stamp = (input.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const staging = `${casefile}.restoring`;
  copyFileSync(snapshot, staging);
  copyFileSync(`${snapshot}.keys`, `${staging}.keys`);
  let replaced: string | null = null;
  if (existsSync(casefile)) {
    replaced = `${casefile}.replaced-${stamp}`;
    renameSync(casefile, replaced);
    if (existsSync(keyslotPath(casefile))) renameSync(keyslotPath(casefile), `${replaced}.keys`);
    for (const side of ['-wal', '-shm']) rmSync(`${casefile}${side}`, { force: true });
  }
  renameSync(`${staging}.keys`, keyslotPath(casefile));
  renameSync(staging, casefile);

  const cf = await CaseFile.unlock({ casefile, login: input.login, passphrase: input.passphrase });
  try {
    const deviceId = randomUUID();
    await cf.db.transaction().execute(async (trx) => {
      const old = await trx
        .selectFrom('meta')
        .select('value')
        .where('key', '=', 'device_id')
        .executeTakeFirst();
      await trx.updateTable('meta').set({ value: deviceId }).where('key', '=', 'device_id').execute();
      await writeAudit(trx, {
        staffId: cf.staff.id,
        login: cf.staff.login,
        action: 'backup.restore',
        detail: { snapshot, previousDeviceId: old?.value ?? null, deviceId },
      });
    });
    return { deviceId, replaced };
  } finally {
    await cf.lock();
  }
}
