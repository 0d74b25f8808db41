import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CaseFile } from '../../db/case-file';
import { defaultCaseFilePath } from '../../electron/app/paths';
import { exitWithin, launchMain, type MainProcess, type Recorded } from '../fixtures/electron-main-harness';
import { seedLetterCase } from '../fixtures/letter-fixture';
import { buildMainBundle } from '../fixtures/main-bundle';
import { ADMIN, tempDir } from '../fixtures/temp-casefile';

/**
 * The Electron app as it runs on an office PC: the built main bundle and preload
 * (`npm run build:main`) under Node, with a recording stand-in for `electron`
 * (tests/fixtures/electron-stand-in/). The test is the user and the OS.
 */
let bundle: Awaited<ReturnType<typeof buildMainBundle>>;
const running: MainProcess[] = [];
const dirs: { cleanup(): void }[] = [];

beforeAll(async () => {
  bundle = await buildMainBundle();
}, 120_000);
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.kill()));
  for (const d of dirs.splice(0)) d.cleanup();
});
afterAll(() => bundle?.cleanup());

function appData(): string {
  const t = tempDir();
  dirs.push(t);
  return t.dir;
}
function launch(opts: Parameters<typeof launchMain>[1]): MainProcess {
  const p = launchMain(bundle.dir, opts);
  running.push(p);
  return p;
}
/** The case file of this installation: <userData>/case.yorisoi, userData = <appData>/Yorisoi. */
const casefileIn = (data: string) => join(data, 'Yorisoi', 'case.yorisoi');
/** A file closed cleanly leaves no write-ahead log beside it (the lock checkpoints, then closes). */
const walLeft = (casefile: string) => existsSync(`${casefile}-wal`) && statSync(`${casefile}-wal`).size > 0;

async function signUp(main: MainProcess) {
  await main.ready();
  await main.api('session.create', {
    centerName: 'みどり県難病相談支援センター',
    login: ADMIN.login,
    displayName: ADMIN.displayName,
    passphrase: ADMIN.passphrase,
  });
}

/** What is in the file, opened as the next run of the app would. */
async function letterCount(casefile: string): Promise<number> {
  const cf = await CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: ADMIN.passphrase });
  try {
    const r = await cf.db
      .selectFrom('letters')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  } finally {
    await cf.lock();
  }
}

const after = (r: Recorded[], what: string) => r.slice(r.findIndex((e) => e.what === what) + 1);

describe('the Electron app on an office PC (built main bundle, stand-in Electron)', () => {
  it('closing the window after a letter was printed quits, and the case file is closed cleanly with the letter in it', async () => {
    const data = appData();
    const main = launch({ appData: data });
    await signUp(main);
    const seeded = await seedLetterCase((c, i) => main.api(c, i));
    const referral = await main.api('referral.create', {
      consultationId: seeded.consultation.id,
      institutionId: seeded.inst.healthCenter.id,
      purpose: 'レスパイト入院の調整',
      replyDueOn: null,
    });
    await main.api('consent.record', {
      personId: seeded.personId,
      referralId: referral.id,
      recipientIds: [seeded.inst.healthCenter.id],
      dataItems: ['identity', 'disease', 'medical', 'living', 'consultation'],
      method: 'verbal',
      obtainedOn: '2025-06-02',
    });
    const draft = await main.api('letter.draft', { referralId: referral.id });
    const letter = await main.api('letter.issue', { referralId: referral.id, draft });
    expect(letter.documentNumber).toMatch(/^み難相第/);

    const printed = await main.record();
    const print = printed.find((e) => e.what === 'webContents.printToPDF');
    expect(print).toMatchObject({ shown: false, url: 'data:…', pageSize: 'A4' });
    // the print window is its own hidden window, without DevTools
    const printWindow = printed.find((e) => e.what === 'window.create' && e.window === print!.window);
    expect(printWindow).toMatchObject({ show: false, webPreferences: { devTools: false, sandbox: true } });
    expect(walLeft(casefileIn(data))).toBe(true); // the letter's writes are in the log until the file closes

    await main.control('closeMainWindow');
    const exit = await exitWithin(main, 15_000);
    expect(exit, 'the app is still running after its window was closed').not.toBeNull();
    expect(exit!.code).toBe(0);
    expect(walLeft(casefileIn(data))).toBe(false);
    expect(await letterCount(casefileIn(data))).toBe(1);
  });

  it('quitting (the OS or the taskbar asks the app to quit) locks, checkpoints and closes the case file', async () => {
    const data = appData();
    const main = launch({ appData: data });
    await signUp(main);
    expect(walLeft(casefileIn(data))).toBe(true);
    await main.control('quit');
    const exit = await exitWithin(main, 15_000);
    expect(exit?.code).toBe(0);
    expect(walLeft(casefileIn(data))).toBe(false);
    expect(await letterCount(casefileIn(data))).toBe(0);
  });

  it('Windows ends the session (shutdown, log-off): the file is closed before the process is gone', async () => {
    const data = appData();
    const main = launch({ appData: data });
    await signUp(main);
    expect(walLeft(casefileIn(data))).toBe(true);
    // the stand-in ends the process as soon as the 'session-end' handlers have returned
    await main.control('endWindowsSession').catch(() => undefined);
    await main.exited;
    expect(walLeft(casefileIn(data))).toBe(false);
    expect(await letterCount(casefileIn(data))).toBe(0);
  });

  it('Linux or macOS shuts down: the file is closed and the app quits', async () => {
    const data = appData();
    const main = launch({ appData: data });
    await signUp(main);
    await main.control('emitPowerMonitor', { event: 'shutdown' });
    const exit = await exitWithin(main, 15_000);
    expect(exit?.code).toBe(0);
    expect(walLeft(casefileIn(data))).toBe(false);
  });

  it('a second launch focuses the window already open and starts nothing of its own', async () => {
    const data = appData();
    const first = launch({ appData: data });
    await first.ready();
    await first.control('minimizeMainWindow');
    const second = launch({ appData: data });
    const secondExit = await exitWithin(second, 15_000);
    expect(secondExit?.code).toBe(0);
    const whatSecondDid = secondExit!.record.map((e) => e.what);
    expect(whatSecondDid).not.toContain('window.create');
    expect(whatSecondDid).not.toContain('ipcMain.handle');

    const r = await first.waitFor('the window brought back', (rec) =>
      after(rec, 'second-instance').some((e) => e.what === 'window.focus'),
    );
    const brought = after(r, 'second-instance').map((e) => e.what);
    expect(brought).toEqual(expect.arrayContaining(['window.restore', 'window.show', 'window.focus']));
  });

  it('the screen locks, the machine sleeps: the case file locks and the window is told', async () => {
    const main = launch({ appData: appData() });
    await signUp(main);
    const lockedBy = async (act: () => Promise<unknown>) => {
      const before = (await main.record()).length;
      await act();
      await main.waitFor('the window told of the lock', (r) =>
        r.slice(before).some((e) => e.what === 'webContents.send' && e.channel === 'yorisoi:locked'),
      );
      expect((await main.api('session.status', {})).unlocked).toBe(false);
      await main.api('session.login', { login: ADMIN.login, passphrase: ADMIN.passphrase });
      expect((await main.api('session.status', {})).unlocked).toBe(true);
    };
    // Windows and macOS announce the screen lock
    await lockedBy(() => main.control('emitPowerMonitor', { event: 'lock-screen' }));
    await lockedBy(() => main.control('emitPowerMonitor', { event: 'suspend' }));
    // Linux has no 'lock-screen' event: the app asks the system's idle state
    await lockedBy(() => main.control('setIdleState', { state: 'locked' }));
  });

  it('the page’s preload forwards only the contract; other pages are refused', async () => {
    const main = launch({ appData: appData() });
    await main.ready();
    expect(await main.control('exposed')).toEqual({ api: ['call', 'onLocked'], yorisoiShell: ['pickPath'] });
    expect(await main.control('handlers')).toEqual(['yorisoi:call', 'yorisoi:pick']);

    const before = (await main.record()).length;
    const unknown = await main.call('staff.dropAllTables', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect((await main.record()).slice(before).map((e) => e.what)).not.toContain('ipcRenderer.invoke');

    expect(await main.call('session.status', {})).toMatchObject({ ok: true, data: { unlocked: false } });
    const foreign = await main.control('invokeFrom', {
      channel: 'yorisoi:call',
      frameUrl: 'https://example.com/',
      args: ['session.status', {}],
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('installed build: no default English menu, no DevTools, and the case file in the folder the CLI uses', async () => {
    const data = appData();
    const main = launch({ appData: data, packaged: true });
    await signUp(main);
    const r = await main.record();
    const menu = r.findIndex((e) => e.what === 'Menu.setApplicationMenu');
    expect(r[menu]).toMatchObject({ menu: null });
    expect(menu).toBeLessThan(r.findIndex((e) => e.what === 'window.create'));
    for (const w of r.filter((e) => e.what === 'window.create')) {
      expect(w.webPreferences).toMatchObject({ devTools: false });
    }
    expect(r.map((e) => e.what)).not.toContain('webContents.openDevTools');

    // the CLI (`yorisoi … ` without --casefile) looks in the same OS folder: %APPDATA%\Yorisoi,
    // ~/.config/Yorisoi
    const saved = {
      XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME,
      APPDATA: process.env.APPDATA,
      YORISOI_CASEFILE: process.env.YORISOI_CASEFILE,
    };
    try {
      process.env.XDG_CONFIG_HOME = data;
      process.env.APPDATA = data;
      delete process.env.YORISOI_CASEFILE;
      expect(existsSync(defaultCaseFilePath())).toBe(true);
      expect(defaultCaseFilePath()).toBe(casefileIn(data));
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('saving a letter PDF over the case file or its key slots is refused; an ordinary name is saved', async () => {
    const data = appData();
    const main = launch({ appData: data });
    await signUp(main);
    const casefile = casefileIn(data);
    const keysBefore = readFileSync(`${casefile}.keys`);
    const pdf = '%PDF-1.7 a letter';
    type Saved = { savedTo: string | null };
    // the user, in the save dialog, picks the key slots, then the case file itself
    for (const target of [`${casefile}.keys`, casefile]) {
      const r = await main.control<Saved>('download', { filename: 'letter.pdf', bytes: pdf, choose: target });
      expect(r.savedTo, target).toBeNull();
    }
    expect(readFileSync(`${casefile}.keys`)).toEqual(keysBefore);
    const refusals = (await main.record()).filter((e) => e.what === 'dialog.showMessageBoxSync');
    expect(refusals).toHaveLength(2);
    expect(String(refusals[0]!.message)).toContain('ケースファイル');
    // the case file still opens with the same passphrase
    expect(await main.api('session.lock', {})).toBeDefined();
    await main.api('session.login', { login: ADMIN.login, passphrase: ADMIN.passphrase });

    const ordinary = join(data, '紹介状.pdf');
    const ok = await main.control<Saved>('download', {
      filename: 'letter.pdf',
      bytes: pdf,
      choose: ordinary,
    });
    expect(ok.savedTo).toBe(ordinary);
    expect(readFileSync(ordinary, 'utf8')).toBe(pdf);
    // the dialog starts in the user's Downloads folder with the file's own name
    const asked = (await main.record()).filter((e) => e.what === 'dialog.showSaveDialogSync');
    expect(asked.at(-1)).toMatchObject({ defaultPath: join(data, 'Downloads', 'letter.pdf') });
    // cancelled: nothing saved, no message
    const cancelled = await main.control<Saved>('download', { filename: 'letter.pdf', bytes: pdf });
    expect(cancelled.savedTo).toBeNull();
    expect((await main.record()).filter((e) => e.what === 'dialog.showMessageBoxSync')).toHaveLength(2);
  });

  it('a SQLite module built for another Node/Electron: the first screen says so, not "Unexpected error."', async () => {
    const data = appData();
    const broken = join(data, 'better_sqlite3.node');
    writeFileSync(broken, 'not a shared library');
    const main = launch({ appData: data, env: { YORISOI_SQLITE_BINDING: broken } });
    await main.ready();
    expect(await main.call('session.status', {})).toMatchObject({
      ok: false,
      error: { code: 'NATIVE_MODULE' },
    });
    expect(
      await main.call('session.create', {
        centerName: 'センター',
        login: ADMIN.login,
        displayName: ADMIN.displayName,
        passphrase: ADMIN.passphrase,
      }),
    ).toMatchObject({ ok: false, error: { code: 'NATIVE_MODULE' } });

    // an installed app never loads a native module named by the environment
    const installed = launch({ appData: appData(), packaged: true, env: { YORISOI_SQLITE_BINDING: broken } });
    await installed.ready();
    expect(await installed.call('session.status', {})).toMatchObject({ ok: true });
  });
});
