import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeAudit } from '../../db/audit';
import { openAuditKey, sealAuditKey } from '../../db/audit-chain/chain-key';
import { AuditChain, chainPayload, type ChainedContent } from '../../db/audit-chain/chain-mac';
import { restoreSnapshot } from '../../db/backup/restore';
import { takeSnapshot } from '../../db/backup/snapshot';
import { CaseFile } from '../../db/case-file';
import { findStaffSlot, unwrapDataKey, unwrapSlot } from '../../db/crypto/key-slots';
import { keyslotPath, readKeySlotFile, writeKeySlotFile } from '../../db/crypto/keyslot-file';
import { openEncrypted } from '../../db/sqlite/open-encrypted';
import { ADMIN, newCaseFile, tempDir } from '../fixtures/temp-casefile';

/**
 * The attacks of issue 16 on the audit log, as someone who holds the data key would make them:
 * open the case file with it (as the `sqlcipher` shell would), change the log with SQL, close
 * it, and wait for the next sign-in. The next sign-in must not re-anchor the chain on what is
 * left: `verify` fails after it, and after the one after that.
 */
let cleanup = () => {};
afterEach(() => cleanup());

const signIn = (casefile: string) =>
  CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: ADMIN.passphrase });

/** A file with three sessions of work behind it: 1 create + 3 × (login + 5 views) = 19 entries. */
async function history() {
  const t = tempDir();
  cleanup = t.cleanup;
  const { casefile, caseFile } = await newCaseFile(t.dir);
  await caseFile.lock();
  for (let s = 0; s < 3; s++) await session(casefile, 5);
  return { dir: t.dir, casefile };
}

async function session(casefile: string, views: number, keepOpen = false) {
  const cf = await signIn(casefile);
  for (let i = 0; i < views; i++) {
    await writeAudit(cf.db, {
      staffId: cf.staff.id,
      login: cf.staff.login,
      action: 'person.view',
      entity: 'person',
      entityId: `p${i}`,
    });
  }
  if (keepOpen) return cf;
  await cf.lock();
  return null;
}

/** The data key, as the attacker holds it (here: unwrapped with the admin's passphrase). */
async function dataKeyOf(casefile: string): Promise<Buffer> {
  const body = readKeySlotFile(keyslotPath(casefile));
  return unwrapDataKey(body.fileId, findStaffSlot(body, ADMIN.login), ADMIN.passphrase);
}

/** Opens the file with the raw data key, past the app, and runs `attack` on it. */
async function withDataKey<T>(casefile: string, attack: (db: ReturnType<typeof openEncrypted>) => T) {
  const key = await dataKeyOf(casefile);
  const db = openEncrypted(casefile, key);
  try {
    return attack(db);
  } finally {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    key.fill(0);
  }
}

/** verify after the next sign-in, and after the one after that */
async function verifyTwice(casefile: string) {
  const reports = [];
  for (let i = 0; i < 2; i++) {
    const cf = await signIn(casefile);
    reports.push(cf.verifyAuditChain());
    await cf.lock();
  }
  return reports;
}

const count = (db: ReturnType<typeof openEncrypted>) =>
  (db.prepare(`SELECT count(*) AS n FROM audit_log`).get() as { n: number }).n;

describe('audit chain attacks by a data-key holder are found at the next sign-in and stay found', () => {
  it('truncating the newest entries', async () => {
    const { casefile } = await history();
    await withDataKey(casefile, (db) => {
      expect(count(db)).toBe(19);
      db.exec(`DELETE FROM audit_log WHERE id > 10`);
    });
    const [first, second] = await verifyTwice(casefile);
    expect(first!.ok).toBe(false);
    // found at the sign-in, written down then, reported at the anchored entry from then on
    expect(second!.firstBroken).toMatchObject({ id: 19, reason: 'anchor', action: 'audit.break-found' });
  });

  it('truncating only the entries of the last session', async () => {
    const { casefile } = await history();
    await withDataKey(casefile, (db) => db.exec(`DELETE FROM audit_log WHERE id > 16`));
    const [first, second] = await verifyTwice(casefile);
    expect(first!.ok).toBe(false);
    expect(second!.ok).toBe(false);
  });

  it('deleting every entry', async () => {
    const { casefile } = await history();
    await withDataKey(casefile, (db) => db.exec(`DELETE FROM audit_log`));
    const [first, second] = await verifyTwice(casefile);
    expect(first!.ok).toBe(false);
    expect(second!.ok).toBe(false);
  });

  it('deleting every entry and the head', async () => {
    const { casefile } = await history();
    await withDataKey(casefile, (db) => db.exec(`DELETE FROM audit_log; DELETE FROM audit_head`));
    const [first, second] = await verifyTwice(casefile);
    expect(first!.ok).toBe(false);
    expect(second!.ok).toBe(false);
  });

  it('deleting the head row', async () => {
    const { casefile } = await history();
    await withDataKey(casefile, (db) => db.exec(`DELETE FROM audit_head`));
    const [first, second] = await verifyTwice(casefile);
    expect(first!.ok).toBe(false);
    expect(second!.firstBroken).toMatchObject({ reason: 'head', action: 'audit.break-found' });
  });

  it('deleting the chain meta: the log is not re-chained on what is left', async () => {
    const { casefile } = await history();
    await withDataKey(casefile, (db) => db.exec(`DELETE FROM meta WHERE key = 'audit_chain'`));
    const [first, second] = await verifyTwice(casefile);
    expect(first!.ok).toBe(false);
    expect(second!.firstBroken).toMatchObject({ id: 1, reason: 'meta' });
    const cf = await signIn(casefile);
    const found = cf.sqlite
      .prepare(`SELECT detail FROM audit_log WHERE action = 'audit.break-found'`)
      .all() as { detail: string }[];
    expect(found.map((f) => JSON.parse(f.detail))).toContainEqual({ breaks: [{ reason: 'meta', id: null }] });
    await cf.lock();
  });

  it('deleting the chain meta and the MACs (an unchained log to re-chain)', async () => {
    const { casefile } = await history();
    await withDataKey(casefile, (db) =>
      db.exec(`DELETE FROM meta WHERE key = 'audit_chain'; UPDATE audit_log SET mac = NULL, prev_mac = NULL;
               DELETE FROM audit_head; DELETE FROM audit_log WHERE id > 12`),
    );
    const [first, second] = await verifyTwice(casefile);
    expect(first!.ok).toBe(false);
    expect(second!.ok).toBe(false);
  });

  it('cutting the last entries and putting back a head saved before them (a replayed head)', async () => {
    const { casefile } = await history();
    const cf = (await session(casefile, 2, true))!; // login #20, views #21–22: still open
    const saved = cf.sqlite.prepare(`SELECT value FROM audit_head`).get() as { value: string };
    for (let i = 0; i < 4; i++) {
      await writeAudit(cf.db, {
        staffId: cf.staff.id,
        login: 'admin',
        action: 'person.view',
        entityId: `x${i}`,
      });
    }
    await cf.lock();
    await withDataKey(casefile, (db) => {
      db.exec(`DELETE FROM audit_log WHERE id > 22`);
      db.prepare(`UPDATE audit_head SET value = ?`).run(saved.value);
    });
    const [first, second] = await verifyTwice(casefile);
    expect(first!.ok).toBe(false);
    expect(second!.ok).toBe(false);
  });

  it('cutting entries while the app is still open, with a head saved in the same session', async () => {
    const { casefile } = await history();
    const cf = (await session(casefile, 2, true))!;
    const saved = cf.sqlite.prepare(`SELECT value FROM audit_head`).get() as { value: string };
    for (let i = 0; i < 3; i++) {
      await writeAudit(cf.db, {
        staffId: cf.staff.id,
        login: 'admin',
        action: 'person.view',
        entityId: `y${i}`,
      });
    }
    // a second connection, with the data key, while the app works on
    await withDataKey(casefile, (db) => {
      db.exec(`DELETE FROM audit_log WHERE id > 22`);
      db.prepare(`UPDATE audit_head SET value = ?`).run(saved.value);
    });
    await cf.lock(); // the anchor must not move onto what is left
    const [first, second] = await verifyTwice(casefile);
    expect(first!.ok).toBe(false);
    expect(second!.firstBroken).toMatchObject({ reason: 'head', action: 'audit.break-found' });
  });

  it('the data key does not give the audit key: a rewritten entry with a recomputed MAC fails', async () => {
    const { casefile } = await history();
    const body = readKeySlotFile(keyslotPath(casefile));
    const key = await dataKeyOf(casefile);
    // everything in the sidecar that could hold the audit key, tried with the data key
    const candidates = [body.auditKey, ...body.slots.map((s) => s.sealedAuditKey)].filter((b) => !!b);
    const opened = candidates.map((b) => openAuditKey(b!, key, body.fileId)).find((k) => k !== null);
    key.fill(0);
    await withDataKey(casefile, (db) => {
      const rows = db.prepare(`SELECT * FROM audit_log ORDER BY id`).all() as (ChainedContent & {
        id: number;
      })[];
      // the forger's best: rewrite entry 5 and re-chain every entry after it
      const chain = opened ? new AuditChain(opened) : new AuditChain(Buffer.alloc(32));
      let prev: string | null = null;
      for (const r of rows) {
        const row = r.id === 5 ? { ...r, detail: '{"forged":true}' } : r;
        const mac = chain.mac(chainPayload(row), prev);
        db.prepare(`UPDATE audit_log SET detail = ?, prev_mac = ?, mac = ? WHERE id = ?`).run(
          row.detail,
          prev,
          mac,
          r.id,
        );
        prev = mac;
      }
      const last = rows[rows.length - 1]!;
      db.prepare(`UPDATE audit_head SET value = ?`).run(chain.head(last.id, prev!));
    });
    const [first, second] = await verifyTwice(casefile);
    expect(first!.ok).toBe(false);
    expect(second!.ok).toBe(false);
  });

  it('a backup carries the anchor: a snapshot whose newest entries were cut fails verify', async () => {
    const { dir, casefile } = await history();
    const cf = await signIn(casefile);
    mkdirSync(join(dir, 'bk'));
    const { snapshot } = await takeSnapshot(cf, join(dir, 'bk'));
    await cf.lock();
    await withDataKey(snapshot.path, (db) => db.exec(`DELETE FROM audit_log WHERE id > 15`));
    const snap = await CaseFile.unlock({
      casefile: snapshot.path,
      login: ADMIN.login,
      passphrase: ADMIN.passphrase,
    });
    expect(snap.verifyAuditChain().ok).toBe(false);
    await snap.lock();
  });
});

describe('what the app itself does keeps the chain whole', () => {
  it('sign-ins, locks, a rotation, a new account, a recovery, a backup and its restore all verify', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { casefile, caseFile, recoveryCode } = await newCaseFile(t.dir);
    await caseFile.addSlot('tanaka', 'tanaka passphrase 2025');
    await caseFile.lock();
    await session(casefile, 3);
    const cf = await signIn(casefile);
    const { recoveryCode: rotated } = await cf.rotateDataKey();
    expect(rotated).not.toBe(recoveryCode);
    await cf.changePassphrase(ADMIN.login, ADMIN.passphrase, 'a new passphrase 2025');
    await cf.lock();
    await CaseFile.recover({
      casefile,
      recoveryCode: rotated,
      login: ADMIN.login,
      newPassphrase: ADMIN.passphrase,
    });
    const again = await signIn(casefile);
    mkdirSync(join(t.dir, 'bk'));
    const { snapshot } = await takeSnapshot(again, join(t.dir, 'bk'));
    expect(again.verifyAuditChain()).toMatchObject({ ok: true });
    await again.lock();
    await session(casefile, 2);
    await restoreSnapshot({
      snapshot: snapshot.path,
      casefile,
      login: ADMIN.login,
      passphrase: ADMIN.passphrase,
    });
    const [first, second] = await verifyTwice(casefile);
    expect(first).toMatchObject({ ok: true, firstBroken: null });
    expect(second).toMatchObject({ ok: true, firstBroken: null });
  });

  it('an entry rolled back with its use case is no break', async () => {
    const { casefile } = await history();
    const cf = await signIn(casefile);
    await expect(
      cf.db.transaction().execute(async (trx) => {
        await writeAudit(trx, { staffId: cf.staff.id, login: 'admin', action: 'person.update' });
        throw new Error('the use case failed after its audit entry');
      }),
    ).rejects.toThrow('failed');
    await cf.lock();
    const [first, second] = await verifyTwice(casefile);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true });
  });

  it('two unlocks of one file working side by side (the app and the CLI) verify', async () => {
    const { casefile } = await history();
    const app = (await session(casefile, 1, true))!;
    const cli = (await session(casefile, 2, true))!;
    await writeAudit(app.db, { staffId: app.staff.id, login: 'admin', action: 'person.view' });
    await cli.lock();
    await writeAudit(app.db, { staffId: app.staff.id, login: 'admin', action: 'person.view' });
    await app.lock();
    const [first, second] = await verifyTwice(casefile);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true });
  });

  it('a key-slot file of the earlier format (audit key under the data key) is moved into the slots', async () => {
    const { casefile } = await history();
    const body = readKeySlotFile(keyslotPath(casefile));
    const { dataKey, auditKey } = await unwrapSlot(
      body.fileId,
      findStaffSlot(body, ADMIN.login),
      ADMIN.passphrase,
    );
    for (const slot of body.slots) delete slot.sealedAuditKey;
    delete body.auditAnchor;
    body.auditKey = sealAuditKey(auditKey!, dataKey, body.fileId);
    writeKeySlotFile(keyslotPath(casefile), body);
    const [first] = await verifyTwice(casefile);
    expect(first).toMatchObject({ ok: true });
    const after = readKeySlotFile(keyslotPath(casefile));
    expect(after.auditKey).toBeUndefined();
    expect(after.auditAnchor?.id).toBeGreaterThan(19);
    expect(after.slots.every((s) => s.sealedAuditKey)).toBe(true);
    // and from now on the data key alone no longer gives the audit key
    expect(openAuditKey(body.auditKey, dataKey, body.fileId)).not.toBeNull();
    expect(after.slots.map((s) => openAuditKey(s.sealedAuditKey!, dataKey, body.fileId))).toEqual([
      null,
      null,
    ]);
  });

  it('a rotation over a key-slot file still in the earlier format keeps the audit key reachable', async () => {
    const { casefile } = await history();
    const cf = await signIn(casefile);
    // as if this sign-in could not write the upgrade (a full disk): the earlier format remains
    const body = readKeySlotFile(keyslotPath(casefile));
    const { dataKey, auditKey } = await unwrapSlot(
      body.fileId,
      findStaffSlot(body, ADMIN.login),
      ADMIN.passphrase,
    );
    for (const slot of body.slots) delete slot.sealedAuditKey;
    body.auditKey = sealAuditKey(auditKey!, dataKey, body.fileId);
    writeKeySlotFile(keyslotPath(casefile), body);
    await cf.rotateDataKey();
    cf.sqlite.close(); // and the app dies before it locks (the lock would also move the key)
    const [first] = await verifyTwice(casefile);
    expect(first).toMatchObject({ ok: true });
  });
});
