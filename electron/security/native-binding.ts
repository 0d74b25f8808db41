/**
 * Which SQLite native module the Electron app loads. An installed app loads only the one it
 * was packaged with (electron-builder rebuilds it for Electron). In development, `npm start`
 * builds a copy for Electron's ABI beside the one in node_modules (which stays built for Node,
 * so the tests keep working) and names it in YORISOI_SQLITE_BINDING. A native library named by
 * the environment is never loaded by an installed app.
 */
export function devSqliteBinding(
  isPackaged: boolean,
  env: Record<string, string | undefined>,
): string | null {
  if (isPackaged) return null;
  const path = env.YORISOI_SQLITE_BINDING;
  return path && path.endsWith('.node') ? path : null;
}
