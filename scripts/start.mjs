// `npm start`: the Electron app where an Electron binary is present (fetching it once if the
// network allows), otherwise browser mode on 127.0.0.1 with a clear message.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const run = (cmd, args, opts = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', ...opts });

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathTxt = join(dir, 'path.txt');
    if (!existsSync(pathTxt)) return null;
    const bin = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

let bin = electronBinary();
if (!bin && process.env.YORISOI_NO_ELECTRON_DOWNLOAD !== '1') {
  // package.json skips Electron's install script (allowScripts) so `npm install` works offline;
  // run it now, where the network may allow it.
  console.log(
    'Electron binary not installed; trying to download it once (node_modules/electron/install.js)…',
  );
  const dir = dirname(require.resolve('electron/package.json'));
  const r = run(process.execPath, [join(dir, 'install.js')], { timeout: 120_000 });
  if (r.status === 0) bin = electronBinary();
}

if (bin) {
  if (run('npm', ['run', 'build']).status !== 0) process.exit(1);
  const child = spawn(bin, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    '\nElectron could not be installed on this machine (no binary, no network to fetch it).\n' +
      'Starting Yorisoi in browser mode instead: open the address printed below in Chromium.\n' +
      'Electron を利用できないため、ブラウザモードで起動します。表示されるアドレスを開いてください。\n',
  );
  const r = run('npm', ['run', 'start:web']);
  process.exit(r.status ?? 1);
}
