import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';

/**
 * Loading the SQLite native module. It is built for one ABI: Node's in node_modules (tests,
 * CLI, browser mode), Electron's in an installed app. The wrong one — or none — fails at the
 * first open; that failure becomes NATIVE_MODULE, which the window and the CLI can explain,
 * instead of an unexpected error.
 */
let nativeBinding: string | undefined;

/** The Electron shell in development names the copy built for Electron (electron/security/native-binding.ts). */
export function useSqliteBinding(path: string | null): void {
  nativeBinding = path ?? undefined;
  loaded = false;
}

export function newSqlite(path: string, options: Database.Options = {}): Database.Database {
  try {
    return new Database(path, nativeBinding ? { ...options, nativeBinding } : options);
  } catch (e) {
    throw nativeModuleError(e) ?? e;
  }
}

let loaded = false;
/** Throws NATIVE_MODULE when the module cannot be loaded here; cheap once it could. */
export function assertSqliteLoads(): void {
  if (loaded) return;
  newSqlite(':memory:').close();
  loaded = true;
}

const LOAD_FAILURE =
  /Could not locate the bindings file|NODE_MODULE_VERSION|did not self-register|invalid ELF header|not a valid Win32 application|wrong ELF class|cannot open shared object/i;

export function nativeModuleError(e: unknown): AppError | null {
  const code = String((e as { code?: unknown })?.code ?? '');
  const message = String((e as { message?: unknown })?.message ?? '');
  const failed =
    code === 'ERR_DLOPEN_FAILED' ||
    LOAD_FAILURE.test(message) ||
    (code === 'MODULE_NOT_FOUND' && /\.node\b/.test(message));
  if (!failed) return null;
  return new AppError(
    'NATIVE_MODULE',
    `The SQLite module could not be loaded (built for another Node or Electron version?): ${message.split('\n')[0]}`,
  );
}
