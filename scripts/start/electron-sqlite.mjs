// The SQLite native module built for Electron's ABI, for `npm start` with an Electron binary.
//
// node_modules keeps the copy built for Node (the tests, the CLI and browser mode load it), so
// the Electron copy is built apart: the package is copied to dist/native/electron-<version>-
// <platform>-<arch>/, built there (a prebuilt binary if the package publishes one for this
// Electron, else node-gyp against Electron's headers), and the app is told its path
// (YORISOI_SQLITE_BINDING, honoured only when not packaged: electron/security/native-binding.ts).
// Installers do their own rebuild (electron-builder `npmRebuild`).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

export const HEADERS_URL = 'https://electronjs.org/headers';
const PACKAGE = 'better-sqlite3-multiple-ciphers';

/** npm's own node-gyp (npm passes it to scripts; else beside the node binary), or null. */
export function findNodeGyp(env = process.env) {
  const candidates = [
    env.npm_config_node_gyp,
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

/**
 * npm hands its settings to scripts as npm_config_*; some would build for Node instead
 * (this machine's npmrc sets nodedir to Node's headers).
 */
export function buildEnv(env) {
  const out = { ...env };
  for (const k of Object.keys(out)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|build_from_source|arch|platform)$/i.test(k))
      delete out[k];
  }
  return out;
}

export function electronSqlitePlan({
  root,
  nativeDir,
  electronVersion,
  abi,
  platform,
  arch,
  env = process.env,
}) {
  const require = createRequire(join(root, 'package.json'));
  const pkgDir = dirname(require.resolve(`${PACKAGE}/package.json`));
  const pkgVersion = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  const outDir = join(
    nativeDir,
    `electron-${electronVersion}-${platform}-${arch}`,
    `${PACKAGE}-${pkgVersion}`,
  );
  const cmdEnv = buildEnv(env);
  const nodeGyp = findNodeGyp(env);
  const steps = [];
  let prebuild = null;
  try {
    prebuild = createRequire(join(pkgDir, 'package.json')).resolve('prebuild-install/bin.js');
  } catch {
    // not installed: build from source only
  }
  if (prebuild) {
    steps.push({
      label: 'prebuilt binary (prebuild-install)',
      cmd: process.execPath,
      args: [
        prebuild,
        '--runtime',
        'electron',
        '--target',
        electronVersion,
        '--arch',
        arch,
        '--platform',
        platform,
      ],
    });
  }
  const gypArgs = [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    `--dist-url=${HEADERS_URL}`,
    `--devdir=${join(nativeDir, 'electron-gyp')}`,
  ];
  if (nodeGyp)
    steps.push({ label: 'build from source (node-gyp)', cmd: process.execPath, args: [nodeGyp, ...gypArgs] });
  return {
    electronVersion,
    abi,
    pkgDir,
    outDir,
    binding: join(outDir, 'build', 'Release', 'better_sqlite3.node'),
    log: join(outDir, 'build.log'),
    env: cmdEnv,
    steps,
    /** what to type when it has to be done by hand */
    manual: `cd "${outDir}" && ${nodeGyp ? `node "${nodeGyp}"` : 'npx node-gyp'} ${gypArgs.slice(0, -1).join(' ')}`,
  };
}

function defaultRun(step, { cwd, env, log }) {
  const fd = openSync(log, 'a');
  try {
    const r = spawnSync(step.cmd, step.args, { cwd, env, stdio: ['ignore', fd, fd], timeout: 15 * 60_000 });
    return { status: r.status ?? 1 };
  } finally {
    closeSync(fd);
  }
}

/**
 * The Electron copy of the SQLite module: already built, or built now. Returns
 * `{ binding }`, or `{ error }` with the lines that say what to run.
 */
export function ensureElectronSqlite(plan, { run = defaultRun, log = console.log } = {}) {
  if (existsSync(plan.binding)) return { binding: plan.binding };
  log(
    `Building the SQLite module for Electron ${plan.electronVersion}` +
      `${plan.abi ? ` (ABI ${plan.abi})` : ''} in ${plan.outDir} — once per Electron version, up to a few minutes…`,
  );
  mkdirSync(plan.outDir, { recursive: true });
  const buildDir = join(plan.pkgDir, 'build');
  cpSync(plan.pkgDir, plan.outDir, {
    recursive: true,
    filter: (src) => src !== buildDir && !src.startsWith(buildDir + sep),
  });
  const tried = [];
  for (const step of plan.steps) {
    const r = run(step, { cwd: plan.outDir, env: plan.env, log: plan.log });
    tried.push(`${step.label}: ${r.status === 0 ? 'done' : `failed (exit ${r.status})`}`);
    if (r.status === 0 && existsSync(plan.binding)) {
      log(`SQLite module for Electron: ${relative(process.cwd(), plan.binding) || plan.binding}`);
      return { binding: plan.binding };
    }
  }
  return {
    error: [
      `The SQLite module could not be built for Electron ${plan.electronVersion}${plan.abi ? ` (ABI ${plan.abi})` : ''}.`,
      ...tried.map((t) => `  - ${t}`),
      `  Output: ${plan.log}`,
      'It needs the network once (a prebuilt binary from GitHub, or Electron’s headers from electronjs.org)',
      'and, to build from source, a C/C++ toolchain (Windows: Visual Studio Build Tools with',
      '"Desktop development with C++" and Python 3; Debian/Ubuntu: build-essential python3).',
      'Where that is available run `npm start` again, or build it by hand:',
      `  ${plan.manual}`,
      'SQLite モジュールを Electron 用にビルドできませんでした。ネットワークとビルド環境のある状態で npm start をもう一度実行してください。',
    ],
  };
}
