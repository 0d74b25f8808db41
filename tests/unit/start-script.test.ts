import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: plain .mjs scripts without types
import { runStart } from '../../scripts/start/flow.mjs';
// @ts-expect-error: plain .mjs scripts without types
import { browserCommand, openInBrowser } from '../../scripts/start/open-browser.mjs';
import { ROOT } from '../fixtures/main-bundle';
import { tempDir } from '../fixtures/temp-casefile';

const dirs: { cleanup(): void }[] = [];
const children: ChildProcess[] = [];
function temp(): string {
  const t = tempDir();
  dirs.push(t);
  return t.dir;
}
afterEach(() => {
  for (const c of children.splice(0)) {
    try {
      process.kill(-c.pid!, 'SIGKILL'); // npm → sh → tsx → node: the whole group
    } catch {
      // already gone
    }
  }
  for (const d of dirs.splice(0)) d.cleanup();
});

/** Polls until `test` holds (a wait for the next thing the user would see, not a timing check). */
async function until<T>(
  what: string,
  test: () => T | null | undefined | false,
  limitMs = 60_000,
): Promise<T> {
  const end = Date.now() + limitMs;
  for (;;) {
    const v = test();
    if (v) return v;
    if (Date.now() > end) throw new Error(`waited for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** GET as a browser would: follow redirects, keeping the cookies they set. */
async function openLikeABrowser(url: string): Promise<string> {
  let cookie = '';
  for (let hop = 0, at = url; hop < 5; hop++) {
    const res = await fetch(at, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    const set = res.headers.getSetCookie().map((c) => c.split(';')[0]);
    if (set.length) cookie = [cookie, ...set].filter(Boolean).join('; ');
    const next = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && next) {
      at = new URL(next, at).href;
      continue;
    }
    expect(res.status).toBe(200);
    return res.text();
  }
  throw new Error('too many redirects');
}

const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

describe('npm start on a machine that cannot download Electron', () => {
  it('says so in one line, no stack trace, starts browser mode and opens it in the default browser', async () => {
    const dir = temp();
    // a stand-in `xdg-open` that notes the address it was asked to open
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const opened = join(dir, 'opened.txt');
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${opened}'\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      DISPLAY: ':99',
      // Electron's download server refuses at once, as on an offline office network
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: join(dir, 'electron-cache'),
      YORISOI_CASEFILE: join(dir, 'case.yorisoi'),
      YORISOI_PORT: '0',
    };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    delete env.YORISOI_NO_ELECTRON_DOWNLOAD;
    delete env.YORISOI_NO_BROWSER;
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));

    const url = await until('the browser-mode address', () => /^Open \/ 開く: (\S+)/m.exec(out)?.[1]);
    expect(out).toMatch(
      /^Electron could not be downloaded: RequestError: connect ECONNREFUSED 127\.0\.0\.1:9$/m,
    );
    expect(out).toMatch(/browser mode/);
    expect(out).toMatch(/ブラウザモード/);
    expect(out).not.toMatch(STACK_FRAME);
    // the default browser was asked to open exactly that address, and the address serves the app
    await until('the browser opened', () => existsSync(opened) && readFileSync(opened, 'utf8').trim());
    expect(readFileSync(opened, 'utf8').trim()).toBe(url);
    expect(await openLikeABrowser(url)).toMatch(/<div id="root">/);
  });
});

describe('npm start with an Electron binary present', () => {
  /** An Electron binary where node_modules/electron's index.js looks with this variable set. */
  function fakeElectron(): { env: NodeJS.ProcessEnv; bin: string } {
    const dist = temp();
    const bin = join(dist, 'electron');
    writeFileSync(bin, '');
    return { env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist, npm_config_nodedir: '/usr' }, bin };
  }

  function start(
    env: NodeJS.ProcessEnv,
    nativeRun: (
      step: { label: string; args: string[] },
      o: { cwd: string; env: NodeJS.ProcessEnv },
    ) => { status: number },
  ) {
    const log: string[] = [];
    const did: {
      electron?: { bin: string; env: NodeJS.ProcessEnv; cwd: string };
      web?: boolean;
      built?: boolean;
    } = {};
    const nativeDir = temp();
    const run = () =>
      runStart({
        root: ROOT,
        env,
        log: (l: string) => log.push(l),
        platform: 'linux',
        arch: 'x64',
        nativeDir,
        download: () => {
          throw new Error('no download when the binary is there');
        },
        build: () => ((did.built = true), 0),
        nativeRun,
        electron: async (o: { bin: string; env: NodeJS.ProcessEnv; cwd: string }) => ((did.electron = o), 0),
        web: async () => ((did.web = true), 0),
        openUrl: () => true,
      }) as Promise<number>;
    return { run, log, did, nativeDir };
  }

  it('builds the SQLite module for Electron’s ABI apart from node_modules and starts Electron with it', async () => {
    const { env, bin } = fakeElectron();
    const steps: { label: string; args: string[]; env: NodeJS.ProcessEnv }[] = [];
    const s = start(env, (step, o) => {
      steps.push({ ...step, env: o.env });
      if (step.label.includes('node-gyp')) {
        // what node-gyp leaves behind
        mkdirSync(join(o.cwd, 'build', 'Release'), { recursive: true });
        writeFileSync(join(o.cwd, 'build', 'Release', 'better_sqlite3.node'), 'electron build');
        return { status: 0 };
      }
      return { status: 1 }; // no prebuilt binary for this Electron
    });
    expect(await s.run()).toBe(0);
    expect(s.did.built).toBe(true);
    expect(s.did.web).toBeUndefined();
    const gyp = steps.find((st) => st.label.includes('node-gyp'))!;
    expect(gyp.args).toEqual(
      expect.arrayContaining([
        'rebuild',
        '--runtime=electron',
        '--target=41.7.1',
        '--arch=x64',
        '--dist-url=https://electronjs.org/headers',
      ]),
    );
    // this machine's npmrc points node-gyp at Node's headers; that must not reach this build
    expect(gyp.env.npm_config_nodedir).toBeUndefined();
    const binding = s.did.electron!.env.YORISOI_SQLITE_BINDING!;
    expect(binding.startsWith(s.nativeDir)).toBe(true);
    expect(readFileSync(binding, 'utf8')).toBe('electron build');
    expect(s.did.electron!.bin).toBe(bin);
    // node_modules keeps its build for Node (the tests and the CLI load it)
    expect(
      existsSync(
        join(ROOT, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'),
      ),
    ).toBe(true);

    // the next start finds it built
    steps.length = 0;
    expect(await s.run()).toBe(0);
    expect(steps).toEqual([]);
  });

  it('when the module cannot be built here (offline): says what to run, then browser mode', async () => {
    const { env } = fakeElectron();
    const s = start(env, () => ({ status: 1 }));
    expect(await s.run()).toBe(0);
    expect(s.did.electron).toBeUndefined();
    expect(s.did.web).toBe(true);
    const text = s.log.join('\n');
    expect(text).toMatch(/could not be built for Electron 41\.7\.1 \(ABI 145\)/);
    expect(text).toMatch(
      /node-gyp\S*"? rebuild --release --runtime=electron --target=41\.7\.1 --arch=x64 --dist-url=https:\/\/electronjs\.org\/headers/,
    );
    expect(text).toMatch(/C\/C\+\+ toolchain/);
    expect(text).toMatch(/browser mode/);
    expect(text).not.toMatch(STACK_FRAME);
  });
});

describe('opening the address in the default browser', () => {
  const url = 'http://127.0.0.1:53124/?token=a&b=c';
  it('uses the platform’s opener with the address as one argument, never through a shell', () => {
    expect(browserCommand(url, 'win32', {})).toEqual({
      cmd: 'rundll32.exe',
      args: ['url.dll,FileProtocolHandler', url],
    });
    expect(browserCommand(url, 'darwin', {})).toEqual({ cmd: 'open', args: [url] });
    expect(browserCommand(url, 'linux', { DISPLAY: ':0' })).toEqual({ cmd: 'xdg-open', args: [url] });
    expect(browserCommand(url, 'linux', { WAYLAND_DISPLAY: 'wayland-0' })).toEqual({
      cmd: 'xdg-open',
      args: [url],
    });
  });

  it('tries nothing without a desktop (xdg-open would start a text browser in the terminal) or when asked not to', () => {
    expect(browserCommand(url, 'linux', {})).toBeNull();
    expect(browserCommand(url, 'win32', { YORISOI_NO_BROWSER: '1' })).toBeNull();
  });

  it('never fails: a missing opener only means the user opens it by hand', () => {
    const missing = openInBrowser(url, {
      platform: 'linux',
      env: { DISPLAY: ':0', PATH: '/nonexistent' },
    });
    expect(typeof missing).toBe('boolean');
    expect(
      openInBrowser(url, {
        platform: 'linux',
        env: { DISPLAY: ':0' },
        spawn: () => {
          throw new Error('EACCES');
        },
      }),
    ).toBe(false);
  });
});
