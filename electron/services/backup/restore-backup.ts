import { existsSync } from 'node:fs';
import { restoreSnapshot } from '../../../db/backup/restore';
import { AppError } from '../../../shared/errors';
import { can } from '../../../shared/permissions';
import type { AppRuntime } from '../../app/runtime';
import type { UnitOfWork } from '../unit-of-work';

/**
 * An administrator puts a snapshot back in place of the open case file. The snapshot is proven
 * first (it opens with this account's passphrase as it was then, and passes the integrity
 * check) while the session stays open; only then is the current file's last entry written
 * (the channel's backup.restore-replace: which snapshot replaced it), the session locked, and
 * the files swapped. Sign in again after.
 */
export async function restoreBackup(
  ctx: UnitOfWork,
  input: { snapshot: string; passphrase: string; secondFactor?: string | undefined },
) {
  return restoreSnapshot({
    snapshot: input.snapshot,
    casefile: ctx.caseFile.path,
    login: ctx.actor.login,
    passphrase: input.passphrase,
    secondFactor: input.secondFactor,
    now: ctx.now(),
    mayRestore: (role) => can(role, 'backup.restore'),
    beforeReplace: async () => {
      // committed now, in the file being replaced (nothing can be written to it after)
      await ctx.write(async (w) => w.audit.about({ detail: { snapshot: input.snapshot } }));
      await ctx.caseFile.lock();
    },
  });
}

/**
 * No case file at all (a new or repaired PC): nobody can sign in to check a role, so the account
 * the snapshot is opened with must be an administrator in the snapshot.
 */
export async function restoreLostCaseFile(
  runtime: AppRuntime,
  input: { snapshot: string; login: string; passphrase: string; secondFactor?: string | undefined },
) {
  if (existsSync(runtime.casefile)) {
    throw new AppError('CASEFILE_EXISTS', 'A case file exists: sign in and restore from the backup screen.');
  }
  await runtime.lock();
  return restoreSnapshot({
    ...input,
    casefile: runtime.casefile,
    now: runtime.now(),
    mayRestore: (role) => can(role, 'backup.restore'),
  });
}
