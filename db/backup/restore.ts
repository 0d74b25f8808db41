import { randomUUID } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { writeAudit } from '../audit';
import { CaseFile } from '../case-file';
import { keyslotPath } from '../crypto/keyslot-file';
import type { StaffRole } from '../../shared/vocab/staff-roles';
import { throttlePath } from '../signin-throttle';
import { recordFormerSelf } from '../sync/former-self';

/**
 * Puts a snapshot back as the case file. The snapshot is copied to a staging name and must
 * open there with the given login and passphrase (and code, when the account has a second
 * factor) and pass the integrity check before anything is replaced; the snapshot itself is
 * never written to, and the current file (if any) is kept beside it as `.replaced-<time>`.
 * The restored file takes a new device id, so ops it writes from now on never reuse sequence
 * numbers the old device already sent to its peers.
 */
export async function restoreSnapshot(input: {
  snapshot: string;
  casefile: string;
  login: string;
  passphrase: string;
  secondFactor?: string | undefined;
  now?: Date;
  /** may this account (as the snapshot knows it) restore it? FORBIDDEN otherwise */
  mayRestore?: (role: StaffRole) => boolean;
  /** runs once the snapshot is proven good, before the current file is replaced (lock it) */
  beforeReplace?: () => Promise<void>;
}): Promise<{ deviceId: string; replaced: string | null }> {
  const { snapshot, casefile } = input;
  if (!existsSync(snapshot) || !existsSync(`${snapshot}.keys`)) {
    throw new AppError('CASEFILE_NOT_FOUND', `No snapshot (with its .keys) at ${snapshot}`);
  }
  const staging = `${casefile}.restoring`;
  const clearStaging = () => {
    for (const p of [
      staging,
      `${staging}-wal`,
      `${staging}-shm`,
      keyslotPath(staging),
      throttlePath(staging),
    ])
      rmSync(p, { force: true });
  };
  clearStaging();
  let deviceId: string;
  try {
    copyFileSync(snapshot, staging);
    copyFileSync(`${snapshot}.keys`, keyslotPath(staging));
    // private whatever the snapshot's own mode (older snapshots were made 0644)
    chmodSync(staging, 0o600);
    chmodSync(keyslotPath(staging), 0o600);
    const cf = await CaseFile.unlock({
      casefile: staging,
      login: input.login,
      passphrase: input.passphrase,
      secondFactor: input.secondFactor,
    });
    try {
      if (input.mayRestore && !input.mayRestore(cf.staff.role)) {
        throw new AppError('FORBIDDEN', `In this backup, "${cf.staff.login}" may not restore it.`);
      }
      const report = await cf.integrityCheck();
      if (!report.ok)
        throw new AppError('INTEGRITY_FAILED', `The snapshot is damaged: ${report.problems.join('; ')}`);
      deviceId = randomUUID();
      await cf.db.transaction().execute(async (trx) => {
        const old = await trx
          .selectFrom('meta')
          .select('value')
          .where('key', '=', 'device_id')
          .executeTakeFirst();
        await trx.updateTable('meta').set({ value: deviceId }).where('key', '=', 'device_id').execute();
        if (old?.value) await recordFormerSelf(trx, old.value);
        await writeAudit(trx, {
          staffId: cf.staff.id,
          login: cf.staff.login,
          action: 'backup.restore',
          detail: { snapshot, previousDeviceId: old?.value ?? null, deviceId },
        });
      });
    } finally {
      await cf.lock();
    }
  } catch (e) {
    clearStaging();
    throw e;
  }

  try {
    await input.beforeReplace?.();
  } catch (e) {
    clearStaging();
    throw e;
  }
  const stamp = (input.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  let replaced: string | null = null;
  if (existsSync(casefile)) {
    replaced = `${casefile}.replaced-${stamp}`;
    renameSync(casefile, replaced);
    if (existsSync(keyslotPath(casefile))) renameSync(keyslotPath(casefile), `${replaced}.keys`);
    for (const side of ['-wal', '-shm']) rmSync(`${casefile}${side}`, { force: true });
  }
  renameSync(keyslotPath(staging), keyslotPath(casefile));
  renameSync(staging, casefile);
  rmSync(throttlePath(staging), { force: true });
  return { deviceId, replaced };
}
