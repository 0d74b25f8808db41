import { accessSync, closeSync, constants, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import { newSqlite } from './native-module';

export type SqliteDb = Database.Database;

/**
 * Opens the SQLCipher-4 file with a raw 256-bit key, in the order that matters:
 * cipher → legacy → key → a read that proves the key → WAL → foreign keys.
 * A wrong key is only noticed at the first read (SQLITE_NOTADB), so that read comes before
 * anything that could write (journal_mode), and a file that is not ours stays untouched.
 */
export interface OpenOptions {
  create?: boolean;
  /** runs after the key is proven and before anything may write; throw to refuse the file */
  verify?: (db: SqliteDb) => void;
}

export function openEncrypted(path: string, dataKey: Buffer, opts: OpenOptions = {}): SqliteDb {
  let db: SqliteDb;
  try {
    if (opts.create) createPrivate(path);
    db = newSqlite(path, { fileMustExist: !opts.create });
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CANTOPEN') {
      if (opts.create && !folderWritable(path)) {
        throw new AppError('READ_ONLY', `The folder cannot be written: ${dirname(path)}`);
      }
      throw new AppError('CASEFILE_NOT_FOUND', `The case file does not exist: ${path}`);
    }
    throw e;
  }
  try {
    applyKey(db, dataKey);
    keepTempInMemory(db);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    opts.verify?.(db);
  } catch (e) {
    db.close();
    const code = (e as { code?: string }).code ?? '';
    // the WAL and its index are created beside the file: a read-only folder refuses them
    if (/^SQLITE_(CANTOPEN|READONLY)/.test(code) && !folderWritable(path)) {
      throw new AppError('READ_ONLY', `The case file's folder cannot be written: ${dirname(path)}`);
    }
    if (code === 'SQLITE_NOTADB') {
      throw new AppError(
        'NOT_A_CASEFILE',
        'This file is not a Yorisoi case file, or its key does not match.',
      );
    }
    throw e;
  }
  try {
    db.pragma('journal_mode = WAL');
  } catch (e) {
    db.close();
    if (!folderWritable(path)) {
      throw new AppError('READ_ONLY', `The case file's folder cannot be written: ${dirname(path)}`);
    }
    throw e;
  }
  db.pragma('foreign_keys = ON');
  applyStoragePragmas(db);
  return db;
}

/**
 * A new case file starts as an empty file readable by its owner only, like its key slots
 * (SQLite would create it with the umask's 0644); SQLite gives its WAL and shared-memory files
 * the same mode as the file. An empty file is a new database to SQLite.
 */
function createPrivate(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return; // SQLite decides what an existing file is
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
      throw new AppError('READ_ONLY', `The folder cannot be written: ${dirname(path)}`);
    throw e;
  }
}

function folderWritable(path: string): boolean {
  try {
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Sorts, groupings, temporary indexes and tables that outgrow the cache go to memory, never to
 * files in SQLITE_TMPDIR (/var/tmp): SQLite does not encrypt those, and they held plaintext
 * audit rows (issue 16; tests/db/temp-store.test.ts). Set before the first statement.
 */
export function keepTempInMemory(db: SqliteDb): void {
  db.pragma('temp_store = MEMORY');
}

/** Shared with the bench's plain-SQLite baseline so both run with the same settings. */
export function applyStoragePragmas(db: SqliteDb): void {
  keepTempInMemory(db);
  db.pragma('synchronous = FULL'); // a committed consultation survives a power cut
  db.pragma('busy_timeout = 5000');
  // 256 MiB at most: decrypted pages stay in memory for the working set (at 100,000
  // consultations the tables and indexes searches touch are ≈135 MB; a miss costs a decryption)
  db.pragma('cache_size = -262144');
  // Each checkpoint decrypts WAL frames and re-encrypts them into the file; checkpointing every
  // 10,000 pages (≈40 MiB) instead of 1,000 halves the encryption cost of bulk writes.
  // `lock()` checkpoints fully, so no WAL is left behind. An unlocked CaseFile turns this off
  // and checkpoints when the counselor pauses instead (idle-checkpoint.ts).
  db.pragma('wal_autocheckpoint = 10000');
}

/**
 * SQLCipher 4 format with one change: page MACs use HMAC-SHA1 instead of HMAC-SHA512
 * (SQLite3MC `hmac_algorithm = 0`). HMAC-SHA1 is still a sound MAC, and SHA-512 here costs
 * about 30% more on every page written. Standard SQLCipher opens the file with
 * `PRAGMA key = "x'…'"; PRAGMA cipher_hmac_algorithm = HMAC_SHA1;` (docs/disaster-recovery.md).
 */
export function applyKey(db: SqliteDb, dataKey: Buffer): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma('hmac_algorithm = 0');
  db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
}

/** PRAGMA rekey is refused in WAL mode: leave WAL, rekey, return to WAL. */
export function rekey(db: SqliteDb, newKey: Buffer): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
  db.pragma('journal_mode = WAL');
}
