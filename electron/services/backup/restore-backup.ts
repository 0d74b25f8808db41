import { existsSync } from 'node:fs';
import { writeAudit } from '../../../db/audit';
import { restoreSnapshot } from '../../../db/backup/restore';
import { AppError } from '../../../shared/errors';
import { can } from '../../../shared/permissions';
import type { AppRuntime } from '../../app/runtime';
import { requirePermission, type ServiceContext } from '../context';

/**
 * An administrator puts a snapshot back in place of the open case file. The snapshot is proven
 * first (it opens with this account's passphrase as it was then, and passes the integrity
 * check) while the session stays open; only then is the current file's last entry written
 * (which snapshot replaced it), the session locked, and the files swapped. Sign in again after.
 */
export async function restoreBackup(
  ctx: ServiceContext,
  input: { snapshot: string; passphrase: string; secondFactor?: string | undefined },
) {
  requirePermission(ctx, 'backup.restore');
  return restoreSnapshot({
    snapshot: input.snapshot,
    casefile: ctx.caseFile.path,
    login: ctx.actor.login,
    passphrase: input.passphrase,
    secondFactor: input.secondFactor,
    now: ctx.now(),
    mayRestore: (role) => can(role, 'backup.restore'),
    beforeReplace: async () => {
      await writeAudit(ctx.db, {
        staffId: ctx.actor.id,
        login: ctx.actor.login,
        action: 'backup.restore-replace',
        detail: { snapshot: input.snapshot },
      });
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
