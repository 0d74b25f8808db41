import { AppError } from '../../shared/errors';

/**
 * What the disk said, as a code a user can act on. SQLite's and Node's words for the same
 * faults: a full disk, a read-only folder or medium, a folder (or the USB stick it was on)
 * that is not there. Anything else stays an internal error.
 */
export function storageError(e: unknown): AppError | null {
  const code = String((e as { code?: unknown })?.code ?? '');
  if (/^(ENOSPC|EDQUOT|SQLITE_FULL)/.test(code)) {
    return new AppError(
      'DISK_FULL',
      'The disk is full. The last change was not saved; the case file is intact.',
    );
  }
  if (/^(EROFS|EACCES|EPERM|SQLITE_READONLY)/.test(code)) {
    return new AppError('READ_ONLY', 'That place cannot be written. Nothing was changed.');
  }
  // a page that fails its MAC or its structure while working: the file on disk was damaged
  if (/^(SQLITE_CORRUPT|SQLITE_NOTADB)/.test(code)) {
    return new AppError(
      'INTEGRITY_FAILED',
      'Part of the case file is damaged. Nothing was changed; restore it from a backup.',
    );
  }
  if (/^(ENOENT|ENOTDIR|ENODEV|ENXIO|EIO|SQLITE_IOERR)/.test(code)) {
    return new AppError(
      'TARGET_FOLDER_UNAVAILABLE',
      'The folder is not there or the drive was removed. Nothing was written.',
    );
  }
  return null;
}
