import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreSnapshot } from '../../db/backup/restore';
import { snapshotsToKeep } from '../../db/backup/retention';
import { listSnapshots, takeSnapshot } from '../../db/backup/snapshot';
import { CaseFile } from '../../db/case-file';
import { AppError } from '../../shared/errors';
import { ADMIN, fingerprint, newCaseFile, tempDir } from '../fixtures/temp-casefile';
import { tinyMount } from '../fixtures/tiny-mount';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});
const codeOf = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  throw new Error('expected an error');
};

describe('retention (daily ×7, weekly ×4, monthly ×12)', () => {
  it('keeps the newest per day for a week, per week for a month, per month for a year', () => {
    // one snapshot every day at 09:00 and 18:00 for 400 days
    const all: string[] = [];
    for (let d = 0; d < 400; d++) {
      for (const h of ['09', '18']) all.push(new Date(Date.UTC(2024, 0, 1 + d, Number(h))).toISOString());
    }
    const keep = snapshotsToKeep(all);
    const newest = all[all.length - 1]!;
    expect(keep.has(newest)).toBe(true);
    expect(keep.has(all[all.length - 2]!)).toBe(false); // same day, older
    const days = new Set([...keep].map((k) => k.slice(0, 10)));
    expect(keep.size).toBe(days.size); // at most one per day
    // 7 daily + up to 4 weekly + up to 12 monthly, overlapping
    expect(keep.size).toBeGreaterThanOrEqual(12);
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
    const oldestKept = [...keep].sort()[0]!;
    expect(oldestKept > all[0]!).toBe(true); // a 400-day-old snapshot is gone
    expect(oldestKept.slice(0, 7) <= '2024-12').toBe(true); // but about a year is covered
  });
});

describe('snapshots and restore', () => {
  async function setup() {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const made = await newCaseFile(t.dir);
    return { ...t, ...made };
  }

  it('a snapshot is encrypted, opens with the same passphrase, and rotation prunes old ones', async () => {
    const { dir, caseFile } = await setup();
    await caseFile.db.insertInto('meta').values({ key: 'marker', value: '保存前の印' }).execute();
    const folder = join(dir, 'usb');
    mkdirSync(folder);
    const days = ['2025-01-01', '2025-01-02', '2025-01-02', '2025-01-03'];
    for (const [i, d] of days.entries()) await takeSnapshot(caseFile, folder, new Date(`${d}T0${i}:00:00Z`));
    const snaps = listSnapshots(folder, caseFile.fileId);
    expect(snaps.map((s) => s.takenAt.slice(0, 10))).toEqual(['2025-01-03', '2025-01-02', '2025-01-01']); // one per day
    const bytes = readFileSync(snaps[0]!.path);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('保存前の印'))).toBe(false);
    const opened = await CaseFile.unlock({
      casefile: snaps[0]!.path,
      login: ADMIN.login,
      passphrase: ADMIN.passphrase,
    });
    const marker = await opened.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'marker')
      .executeTakeFirst();
    expect(marker?.value).toBe('保存前の印');
    expect((await opened.integrityCheck()).ok).toBe(true);
    await opened.lock();
    await caseFile.lock();
  });

  it('restore brings back the snapshot’s data with a new device id, and keeps the replaced file', async () => {
    const { dir, casefile, caseFile } = await setup();
    const deviceBefore = await caseFile.deviceId();
    mkdirSync(join(dir, 'bk'));
    const { snapshot } = await takeSnapshot(caseFile, join(dir, 'bk'));
    await caseFile.db.insertInto('meta').values({ key: 'after-snapshot', value: 'x' }).execute();
    await caseFile.lock();
    const r = await restoreSnapshot({
      snapshot: snapshot.path,
      casefile,
      login: ADMIN.login,
      passphrase: ADMIN.passphrase,
    });
    expect(r.deviceId).not.toBe(deviceBefore);
    expect(r.replaced && existsSync(r.replaced)).toBe(true);
    const cf = await CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(await cf.deviceId()).toBe(r.deviceId);
    const after = await cf.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'after-snapshot')
      .executeTakeFirst();
    expect(after).toBeUndefined();
    const audit = await cf.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'backup.restore')
      .execute();
    expect(audit).toHaveLength(1);
    await cf.lock();
  });

  it('restore with a wrong passphrase or a damaged snapshot changes nothing', async () => {
    const { dir, casefile, caseFile } = await setup();
    mkdirSync(join(dir, 'bk'));
    const { snapshot } = await takeSnapshot(caseFile, join(dir, 'bk'));
    await caseFile.lock();
    const before = fingerprint(casefile);
    expect(
      await codeOf(
        restoreSnapshot({
          snapshot: snapshot.path,
          casefile,
          login: ADMIN.login,
          passphrase: 'wrong passphrase!',
        }),
      ),
    ).toBe('WRONG_PASSPHRASE');
    const damaged = readFileSync(snapshot.path);
    damaged[8192] = damaged[8192]! ^ 0xff; // a flipped byte in the second page
    writeFileSync(snapshot.path, damaged);
    const code = await codeOf(
      restoreSnapshot({
        snapshot: snapshot.path,
        casefile,
        login: ADMIN.login,
        passphrase: ADMIN.passphrase,
      }),
    );
    expect(['INTEGRITY_FAILED', 'NOT_A_CASEFILE']).toContain(code);
    expect(fingerprint(casefile)).toEqual(before);
  });

  it('a full disk ends in DISK_FULL, no partial snapshot, and an intact case file', async () => {
    const { caseFile } = await setup();
    for (let i = 0; i < 400; i++) {
      await caseFile.db
        .insertInto('meta')
        .values({ key: `pad-${i}`, value: 'x'.repeat(1000) })
        .execute();
    }
    const m = tinyMount({ sizeKiB: 64 });
    cleanups.push(m.release);
    expect(await codeOf(() => takeSnapshot(caseFile, m.dir))).toBe('DISK_FULL');
    expect(listSnapshots(m.dir)).toEqual([]);
    expect(readdirSync(m.dir)).toEqual([]);
    expect((await caseFile.integrityCheck()).ok).toBe(true);
    await caseFile.lock();
  });

  it('a read-only folder or a missing USB stick ends in BACKUP_FOLDER_UNAVAILABLE', async () => {
    const { dir, caseFile } = await setup();
    const ro = tinyMount({ sizeKiB: 1024, readOnly: true });
    cleanups.push(ro.release);
    expect(await codeOf(() => takeSnapshot(caseFile, ro.dir))).toBe('BACKUP_FOLDER_UNAVAILABLE');
    writeFileSync(join(dir, 'not-a-folder'), 'x'); // the stick's mount point is gone: a file where a folder was
    expect(await codeOf(() => takeSnapshot(caseFile, join(dir, 'not-a-folder', 'yorisoi')))).toBe(
      'BACKUP_FOLDER_UNAVAILABLE',
    );
    // a stick that is not plugged in: its folder is simply not there, and none is created
    expect(await codeOf(() => takeSnapshot(caseFile, join(dir, 'media', 'usb')))).toBe(
      'BACKUP_FOLDER_UNAVAILABLE',
    );
    expect(existsSync(join(dir, 'media'))).toBe(false);
    expect((await caseFile.integrityCheck()).ok).toBe(true);
    await caseFile.lock();
  });
});
