import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the case file lives by default: the user's application-data folder (the same folder
 * Electron's `app.getPath('userData')` gives). `YORISOI_CASEFILE` overrides it.
 */
export function defaultDataDir(): string {
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Yorisoi');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Yorisoi');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Yorisoi');
}

export function defaultCaseFilePath(dataDir = defaultDataDir()): string {
  return process.env.YORISOI_CASEFILE ?? join(dataDir, 'case.yorisoi');
}
