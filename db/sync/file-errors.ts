import { AppError, isAppError } from '../../shared/errors';

/** A failed write of a sync file or card, as a code the user can act on. */
export function fileWriteError(e: unknown, path: string): AppError {
  if (isAppError(e)) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError('DISK_FULL', `There is no room left for ${path}.`);
  }
  return new AppError('FILE_UNWRITABLE', `Cannot write ${path} (${code || 'error'}).`);
}
