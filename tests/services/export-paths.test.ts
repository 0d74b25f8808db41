import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeApp } from '../../electron/app/compose';
import { runCli } from '../../electron/cli/run-cli';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { readKeySlotFile } from '../../db/crypto/keyslot-file';
import { AppError } from '../../shared/errors';
import { seedLetterCase } from '../fixtures/letter-fixture';
import { errorCode } from '../fixtures/service-fixture';
import { tempDir } from '../fixtures/temp-casefile';
import { tinyMount } from '../fixtures/tiny-mount';
import { makeDevice, pair, type Device } from '../sync/sync-helpers';

const sha = (p: string) =>
  existsSync(p) ? createHash('sha256').update(readFileSync(p)).digest('hex') : null;

/**
 * An export is a new file somewhere the user chose. It can never land on the case file, its
 * key slots, its sign-in counter or a backup (sync.exportBundle to `<casefile>.keys` once
 * destroyed access to the file), and a full disk leaves no truncated file under its name.
 */
describe('sync exports never overwrite the case file, its sidecars or a backup', () => {
  let a: Device;
  let b: Device;
  let casefile = '';
  let snapshot = '';
  beforeAll(async () => {
    [a, b] = await Promise.all([makeDevice('a'), makeDevice('b')]);
    await pair(a, b);
    casefile = a.fx.runtime.casefile;
    mkdirSync(join(a.dir, 'bk'));
    snapshot = (await a.call('backup.run', { folder: join(a.dir, 'bk') })).snapshot.path;
    // a failed sign-in leaves the .signin counter beside the file
    await a.fx.runtime.lock();
    expect(await errorCode(a.fx.runtime.login('admin', 'not the passphrase at all'))).toBe(
      'WRONG_PASSPHRASE',
    );
    await a.fx.as('admin');
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('every protected path, however it is spelled, is refused and left as it was', async () => {
    symlinkSync(casefile, join(a.dir, 'innocent.age'));
    linkSync(`${casefile}.keys`, join(a.dir, 'hardlink.age'));
    const targets = [
      casefile,
      `${casefile}.keys`,
      `${casefile}-wal`,
      `${casefile}.signin`,
      snapshot,
      `${snapshot}.keys`,
      `${a.dir}/bk/../${basename(casefile)}.keys`,
      `${a.dir}/./${basename(casefile)}`,
      join(a.dir, 'innocent.age'),
      join(a.dir, 'hardlink.age'),
    ];
    const before = Object.fromEntries(targets.map((t) => [t, sha(t)]));
    const answers: Record<string, string[]> = {};
    for (const path of targets) {
      answers[path] = [
        await errorCode(a.call('sync.exportBundle', { peer: b.deviceId, path })),
        await errorCode(a.call('sync.exportReceipt', { peer: b.deviceId, path })),
        await errorCode(a.call('sync.exportCard', { path })),
      ];
    }
    expect(answers).toEqual(
      Object.fromEntries(targets.map((t) => [t, Array(3).fill('EXPORT_TARGET_PROTECTED')])),
    );
    expect(Object.fromEntries(targets.map((t) => [t, sha(t)]))).toEqual(before);
    // and the file still opens
    await a.fx.runtime.lock();
    await a.fx.as('admin');
  });

  it('an ordinary new file is still fine', async () => {
    const path = join(a.dir, 'to-b.age');
    await a.call('sync.exportBundle', { peer: b.deviceId, path });
    expect(existsSync(path)).toBe(true);
  });
});

const PASS = 'cli export passphrase 長い';
async function cli(...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  await runCli(argv, (l) => lines.push(l));
  return lines;
}

describe('CLI exports: protected paths, full disks, and letters that could not be saved', () => {
  let dir = '';
  let cleanup = () => {};
  let casefile = '';
  let referral = '';
  const releases: (() => void)[] = [];
  const flags = () => ['--casefile', casefile, '--login', 'admin'];
  const registerCount = async () =>
    JSON.parse((await cli('letter', 'register', ...flags(), '--json')).join('\n')).total;

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    casefile = join(dir, 'c.yorisoi');
    process.env.YORISOI_PASSPHRASE = PASS;
    await cli('init', '--casefile', casefile, '--center', 'センター', '--login', 'admin', '--name', '管理');
    const { runtime, dispatcher } = composeApp({ casefile, now: () => new Date('2025-06-02T12:00:00') });
    await runtime.login('admin', PASS);
    const call = async <C extends ChannelName>(c: C, i: ChannelInput<C>) => {
      const r = await dispatcher.dispatch(c, i);
      if (!r.ok) throw new AppError(r.error.code, r.error.message);
      return r.data as ChannelOutput<C>;
    };
    const seeded = await seedLetterCase(call);
    referral = (
      await call('referral.create', {
        consultationId: seeded.consultation.id,
        institutionId: seeded.inst.healthCenter.id,
        requestedOn: '2025-06-02',
      })
    ).id;
    await call('consent.record', {
      personId: seeded.personId,
      recipientIds: [seeded.inst.healthCenter.id],
      dataItems: ['identity', 'disease', 'medical', 'living', 'consultation'],
      method: 'written',
      obtainedOn: '2025-06-02',
    });
    await runtime.lock();
  }, 120_000);
  afterAll(() => {
    for (const r of releases) r();
    delete process.env.YORISOI_PASSPHRASE;
    cleanup();
  });

  it('report, audit export and letter issue refuse the case file and its key slots', async () => {
    expect(
      await errorCode(
        cli('report', ...flags(), '--fiscal-year', '2025', '--format', 'csv', '--out', `${casefile}.keys`),
      ),
    ).toBe('EXPORT_TARGET_PROTECTED');
    expect(await errorCode(cli('audit', 'export', ...flags(), '--out', casefile))).toBe(
      'EXPORT_TARGET_PROTECTED',
    );
    expect(
      await errorCode(
        cli('letter', 'issue', ...flags(), '--referral', referral, '--out', `${casefile}.keys`),
      ),
    ).toBe('EXPORT_TARGET_PROTECTED');
    // (every CLI run signs in, which moves the audit anchor in .keys: compare by meaning)
    expect(readKeySlotFile(`${casefile}.keys`).slots).toHaveLength(2);
    expect(await registerCount()).toBe(0); // no document number was taken
    expect(await cli('audit', 'verify', ...flags())).toContainEqual(
      expect.stringMatching(/^audit chain: ok/),
    );
  });

  it('a letter whose PDF cannot be saved takes no document number', async () => {
    const ro = tinyMount({ sizeKiB: 1024, readOnly: true });
    releases.push(ro.release);
    const full = tinyMount({ sizeKiB: 64 });
    releases.push(full.release);
    for (const out of [
      join(ro.dir, 'l.pdf'),
      join(full.dir, 'l.pdf'),
      join(dir, 'no-such-folder', 'l.pdf'),
    ]) {
      const code = await errorCode(
        cli('letter', 'issue', ...flags(), '--referral', referral, '--out', out),
      ).catch((e: Error) => `${out}: ${e.message}`);
      expect(['READ_ONLY', 'DISK_FULL', 'TARGET_FOLDER_UNAVAILABLE'], out).toContain(code);
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(full.dir)).toEqual([]);
    expect(await registerCount()).toBe(0);
    // and the first letter that is saved gets the first number
    const ok = await cli('letter', 'issue', ...flags(), '--referral', referral, '--out', join(dir, 'l.pdf'));
    expect(ok[0]).toMatch(/第R\d+-[A-Z]{2}-0001号/);
  }, 120_000);

  it('a report on a full disk leaves no truncated file under its name', async () => {
    const full = tinyMount({ sizeKiB: 16 });
    releases.push(full.release);
    const out = join(full.dir, 'r.xlsx');
    expect(
      await errorCode(cli('report', ...flags(), '--fiscal-year', '2025', '--format', 'xlsx', '--out', out)),
    ).toBe('DISK_FULL');
    expect(readdirSync(full.dir)).toEqual([]);
  });
});
