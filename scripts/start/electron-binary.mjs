// Finding the Electron binary, and the one attempt to download it (`npm start`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where node_modules/electron's index.js would find the binary, or null (as that file does). */
export function findElectronBinary(electronDir, env = process.env) {
  const pathTxt = join(electronDir, 'path.txt');
  const executable = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : null;
  let bin = null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) bin = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
  else if (executable) bin = join(electronDir, 'dist', executable);
  return bin && existsSync(bin) ? bin : null;
}

export function electronVersion(electronDir) {
  return JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
}

/** Electron's NODE_MODULE_VERSION (the ABI native modules are built for), when the package says. */
export function electronAbi(electronDir) {
  const f = join(electronDir, 'abi_version');
  return existsSync(f) ? readFileSync(f, 'utf8').trim() : null;
}

/** The first line of a failure that says what happened, not where (no stack frames). */
export function firstReason(text) {
  const line = String(text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at ') && !/^[-=\s]*$/.test(l));
  return line ?? null;
}

/**
 * Runs Electron's own install script once (package.json skips it at `npm install` so an offline
 * install works). Its output is kept, not shown: an offline machine would otherwise see the
 * download library's stack trace. Returns the one-line reason when it fails.
 */
export function tryDownloadElectron(electronDir, { env = process.env, timeoutMs = 120_000 } = {}) {
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: timeoutMs,
  });
  if (r.error?.code === 'ETIMEDOUT' || r.signal) {
    return { ok: false, reason: `no answer within ${Math.round(timeoutMs / 1000)} s` };
  }
  if (r.status === 0) return { ok: true, reason: null };
  return { ok: false, reason: firstReason(r.stderr) ?? firstReason(r.stdout) ?? `exit code ${r.status}` };
}
