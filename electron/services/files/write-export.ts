import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, ftruncateSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { AppError, isAppError } from '../../../shared/errors';
import { assertExportTarget } from './export-target';

/** What the disk said while writing an export, as a code the user can act on. */
export function exportWriteError(e: unknown, path: string): AppError {
  if (isAppError(e)) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('DISK_FULL', `No room left for ${path}.`);
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new AppError('READ_ONLY', `${path} cannot be written there.`);
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new AppError('TARGET_FOLDER_UNAVAILABLE', `The folder of ${path} is not there.`);
  return new AppError('FILE_UNWRITABLE', `Cannot write ${path} (${code || 'error'}).`);
}

/** writeSync may write less than asked when the disk fills: the next call reports ENOSPC. */
function writeAll(fd: number, data: Uint8Array): void {
  let at = 0;
  while (at < data.length) at += writeSync(fd, data, at, data.length - at, at);
}

/**
 * A place for an export, taken before the work that produces it: a private temporary file
 * beside the target, with `reserve` bytes already written, so a full disk, a read-only or
 * missing folder, or a protected target shows **before** anything is done (a letter takes its
 * document number only after this). `commit` writes the bytes over the reservation, syncs and
 * renames: the final name never holds a truncated file. `abort` removes the temporary file.
 */
export function reserveExport(
  target: string,
  casefiles: string[],
  reserve = 0,
  mapError: (e: unknown, path: string) => AppError = exportWriteError,
): { commit(data: Uint8Array): void; abort(): void } {
  assertExportTarget(target, casefiles);
  const tmp = `${target}.part-${randomBytes(4).toString('hex')}`;
  let fd: number | null = null;
  const abort = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
    rmSync(tmp, { force: true });
  };
  try {
    fd = openSync(tmp, 'wx', 0o600);
    if (reserve > 0) writeAll(fd, Buffer.alloc(reserve));
  } catch (e) {
    abort();
    throw mapError(e, target);
  }
  return {
    commit(data) {
      try {
        if (fd === null) throw new Error('export already finished');
        writeAll(fd, data);
        ftruncateSync(fd, data.length);
        fsyncSync(fd);
        closeSync(fd);
        fd = null;
        renameSync(tmp, target);
      } catch (e) {
        abort();
        throw mapError(e, target);
      }
    },
    abort,
  };
}

/** Writes an export in one go: checked target, temporary name, fsync, rename. */
export function writeExport(
  target: string,
  data: Uint8Array,
  casefiles: string[],
  mapError: (e: unknown, path: string) => AppError = exportWriteError,
): void {
  reserveExport(target, casefiles, 0, mapError).commit(data);
}
