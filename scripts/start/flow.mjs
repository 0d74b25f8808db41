// `npm start`, step by step (scripts/start.mjs runs it; tests/unit/start-script.test.ts drives it):
// 1. the Electron binary: present, or downloaded once if the network allows;
// 2. with Electron: build the app, make sure the SQLite module is built for Electron's ABI, and
//    start Electron; when that module cannot be built, say what to run and go on to 3;
// 3. otherwise browser mode on 127.0.0.1, its address opened in the default browser.
// No step ends in a stack trace: each failure is one line and what to do.
import { spawn as nodeSpawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { electronAbi, electronVersion, findElectronBinary, tryDownloadElectron } from './electron-binary.mjs';
import { electronSqlitePlan, ensureElectronSqlite } from './electron-sqlite.mjs';
import { openInBrowser } from './open-browser.mjs';

const isWindows = process.platform === 'win32';

function npm(args, { cwd, env }) {
  return spawnSync('npm', args, { cwd, env, stdio: 'inherit', shell: isWindows }).status ?? 1;
}

/** Starts browser mode; the web host prints its address, which is then opened. */
function startWeb({ cwd, env, onUrl }) {
  return new Promise((resolve) => {
    const child = nodeSpawn('npm', ['run', 'start:web'], {
      cwd,
      env,
      stdio: ['inherit', 'pipe', 'inherit'],
      shell: isWindows,
    });
    let seen = '';
    let opened = false;
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      if (opened) return;
      seen += chunk.toString();
      const m = /^Open \/ 開く: (\S+)/m.exec(seen);
      if (m) {
        opened = true;
        onUrl(m[1]);
      }
    });
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function startElectron({ bin, cwd, env }) {
  return new Promise((resolve) => {
    const child = nodeSpawn(bin, ['.'], { cwd, env, stdio: 'inherit' });
    child.on('error', (e) => {
      console.log(`Electron could not be started: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 0));
  });
}

export const BROWSER_MODE_MESSAGE =
  'Starting Yorisoi in browser mode instead (127.0.0.1 only): the address printed below opens in\n' +
  'your default browser where there is one; otherwise open it in Chromium.\n' +
  'Electron を利用できないため、ブラウザモード（127.0.0.1 のみ）で起動します。表示されるアドレスを開いてください。';

/** Returns the exit code. Every effect can be replaced (the tests replace the slow ones). */
export async function runStart({
  root,
  env = process.env,
  log = console.log,
  platform = process.platform,
  arch = process.arch,
  nativeDir = join(root, 'dist', 'native'),
  download = (dir) => tryDownloadElectron(dir, { env }),
  build = () => npm(['run', 'build'], { cwd: root, env }),
  nativeRun = undefined,
  electron = startElectron,
  web = startWeb,
  openUrl = (url) => openInBrowser(url, { platform, env }),
} = {}) {
  const require = createRequire(join(root, 'package.json'));
  const electronDir = dirname(require.resolve('electron/package.json'));

  let bin = findElectronBinary(electronDir, env);
  if (!bin && env.YORISOI_NO_ELECTRON_DOWNLOAD !== '1') {
    // package.json skips Electron's install script (allowScripts) so `npm install` works
    // offline; try it now, once
    log('Electron binary not installed; trying to download it once…');
    const r = download(electronDir);
    if (r.ok) bin = findElectronBinary(electronDir, env);
    else log(`Electron could not be downloaded: ${r.reason}`);
  }

  if (bin) {
    if (build() !== 0) {
      log('`npm run build` failed (see above).');
      return 1;
    }
    const plan = electronSqlitePlan({
      root,
      nativeDir,
      electronVersion: electronVersion(electronDir),
      abi: electronAbi(electronDir),
      platform,
      arch,
      env,
    });
    const native = ensureElectronSqlite(plan, { log, ...(nativeRun ? { run: nativeRun } : {}) });
    if (native.binding) {
      return electron({ bin, cwd: root, env: { ...env, YORISOI_SQLITE_BINDING: native.binding } });
    }
    for (const line of native.error) log(line);
  } else {
    log('\nElectron is not available on this machine (no binary, and none could be downloaded).');
  }

  log(`\n${BROWSER_MODE_MESSAGE}\n`);
  return web({
    cwd: root,
    env,
    onUrl: (url) => {
      if (!openUrl(url)) log('(no default browser to open it with: open the address above yourself)');
    },
  });
}
