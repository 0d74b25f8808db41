import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeAudit } from '../../db/audit';
import { chainPayload, type ChainedContent } from '../../db/audit-chain/chain-mac';
import { takeSnapshot } from '../../db/backup/snapshot';
import { CaseFile } from '../../db/case-file';
import { keyslotPath, readKeySlotFile, writeKeySlotFile } from '../../db/crypto/keyslot-file';
import { ADMIN, newCaseFile, tempDir } from '../fixtures/temp-casefile';

let cleanup = () => {};
afterEach(() => cleanup());

/** A case file with 10 audit entries besides the creation one, ids 1..11. */
async function chained() {
  const t = tempDir();
  cleanup = t.cleanup;
  const { casefile, caseFile } = await newCaseFile(t.dir);
  for (let i = 0; i < 10; i++) {
    await writeAudit(caseFile.db, {
      staffId: caseFile.staff.id,
      login: ADMIN.login,
      action: 'person.view',
      entity: 'person',
      entityId: `p${i}`,
      detail: { i },
    });
  }
  return { dir: t.dir, casefile, cf: caseFile };
}

const ids = (cf: CaseFile) =>
  (cf.sqlite.prepare('SELECT id FROM audit_log ORDER BY id').all() as { id: number }[]).map((r) => r.id);

describe('audit log hash chain', () => {
  it('every entry is chained to the one before; verify walks the whole log', async () => {
    const { cf } = await chained();
    const rows = cf.sqlite.prepare('SELECT id, prev_mac, mac FROM audit_log ORDER BY id').all() as {
      id: number;
      prev_mac: string | null;
      mac: string;
    }[];
    expect(rows).toHaveLength(11);
    expect(rows[0]!.prev_mac).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_mac).toBe(rows[i - 1]!.mac);
    expect(new Set(rows.map((r) => r.mac)).size).toBe(11);
    const report = cf.verifyAuditChain();
    expect(report).toEqual({
      ok: true,
      entries: 11,
      firstBroken: null,
      head: { id: rows[10]!.id, mac: rows[10]!.mac },
    });
    await cf.lock();
  });

  it('an edited entry is reported as altered, at that entry', async () => {
    const { cf } = await chained();
    cf.sqlite.exec(`UPDATE audit_log SET detail = '{"i":99}' WHERE id = 6`);
    expect(cf.verifyAuditChain().firstBroken).toMatchObject({ id: 6, reason: 'altered' });
    await cf.lock();
  });

  it('an edited login or time is caught too (the MAC covers every column)', async () => {
    const { cf } = await chained();
    cf.sqlite.exec(`UPDATE audit_log SET login = 'someone-else' WHERE id = 3`);
    expect(cf.verifyAuditChain().firstBroken).toMatchObject({ id: 3, reason: 'altered' });
    cf.sqlite.exec(`UPDATE audit_log SET login = 'admin' WHERE id = 3`);
    expect(cf.verifyAuditChain().ok).toBe(true);
    cf.sqlite.exec(`UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE id = 9`);
    expect(cf.verifyAuditChain().firstBroken).toMatchObject({ id: 9, reason: 'altered' });
    await cf.lock();
  });

  it('a deleted entry breaks the link of the entry after it', async () => {
    const { cf } = await chained();
    cf.sqlite.exec(`DELETE FROM audit_log WHERE id = 5`);
    expect(cf.verifyAuditChain().firstBroken).toMatchObject({ id: 6, reason: 'link' });
    await cf.lock();
  });

  it('two entries swapped (reordered) are reported at the first of them', async () => {
    const { cf } = await chained();
    cf.sqlite.exec(`UPDATE audit_log SET id = -4 WHERE id = 4`);
    cf.sqlite.exec(`UPDATE audit_log SET id = 4 WHERE id = 7`);
    cf.sqlite.exec(`UPDATE audit_log SET id = 7 WHERE id = -4`);
    expect(ids(cf)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(cf.verifyAuditChain().firstBroken).toMatchObject({ id: 4, reason: 'link' });
    await cf.lock();
  });

  it('the newest entries deleted leave a shorter chain that no longer matches the keyed head', async () => {
    const { cf } = await chained();
    cf.sqlite.exec(`DELETE FROM audit_log WHERE id >= 10`);
    const r = cf.verifyAuditChain();
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ id: 11, reason: 'head' });
    // a forged head (pointing at the new last entry) needs the key
    cf.sqlite.exec(
      `UPDATE audit_head SET value = json_object('id', 9, 'mac', (SELECT mac FROM audit_log WHERE id = 9), 'tag', 'x')`,
    );
    expect(cf.verifyAuditChain().firstBroken).toMatchObject({ id: 9, reason: 'head' });
    cf.sqlite.exec(`DELETE FROM audit_head`);
    expect(cf.verifyAuditChain().firstBroken).toMatchObject({ reason: 'head' });
    await cf.lock();
  });

  it('an entry inserted past the app (no MAC) is reported as unchained', async () => {
    const { cf } = await chained();
    cf.sqlite.exec(`INSERT INTO audit_log (at, login, action) VALUES ('2025-01-01T00:00:00Z', 'x', 'login')`);
    expect(cf.verifyAuditChain().firstBroken).toMatchObject({ id: 12, reason: 'unchained' });
    await cf.lock();
  });

  it('a bare hash could be recomputed; the keyed MAC cannot be without the key', async () => {
    const { cf } = await chained();
    // rewrite entry 6 and "fix" its MAC with SHA-256 over the same payload, as a bare hash
    // chain would allow anyone with SQL access to do
    const r = cf.sqlite.prepare('SELECT * FROM audit_log WHERE id = 6').get() as ChainedContent & {
      prev_mac: string;
    };
    const forged = { ...r, detail: '{"i":99}' };
    const bare = createHash('sha256')
      .update(chainPayload(forged))
      .update('\n')
      .update(r.prev_mac)
      .digest('hex');
    cf.sqlite.prepare('UPDATE audit_log SET detail = ?, mac = ? WHERE id = 6').run(forged.detail, bare);
    expect(cf.verifyAuditChain().firstBroken).toMatchObject({ id: 6, reason: 'altered' });
    await cf.lock();
  });

  it('survives locking, a data-key rotation and a backup; the key never sits in the tables', async () => {
    const { dir, casefile, cf } = await chained();
    await cf.rotateDataKey();
    await cf.lock();
    const again = await CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(again.verifyAuditChain()).toMatchObject({ ok: true, entries: 13 }); // + rotate-key, login
    mkdirSync(join(dir, 'bk'));
    const { snapshot } = await takeSnapshot(again, join(dir, 'bk'));
    await again.lock();
    const snap = await CaseFile.unlock({
      casefile: snapshot.path,
      login: ADMIN.login,
      passphrase: ADMIN.passphrase,
    });
    expect(snap.verifyAuditChain().ok).toBe(true);
    const meta = snap.sqlite.prepare(`SELECT key, value FROM meta`).all() as { key: string; value: string }[];
    expect(meta.map((m) => m.key)).not.toContain('audit_key');
    await snap.lock();
    const sidecar = JSON.parse(readFileSync(keyslotPath(casefile), 'utf8')) as {
      slots: Record<string, unknown>[];
    };
    // sealed to each slot's key, like the data key (not derived from the data key)
    for (const slot of sidecar.slots) {
      expect(slot.sealedAuditKey).toMatchObject({ nonce: expect.any(String), epk: expect.any(String) });
    }
  });

  it('a sidecar stripped of its audit key cannot launder the log: every old entry fails', async () => {
    const { casefile, cf } = await chained();
    await cf.lock();
    const body = readKeySlotFile(keyslotPath(casefile));
    for (const slot of body.slots) delete slot.sealedAuditKey;
    writeKeySlotFile(keyslotPath(casefile), body); // checksum recomputed: it is no secret
    const again = await CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(again.verifyAuditChain().firstBroken).toMatchObject({ id: 1, reason: 'altered' });
    await again.lock();
  });
});
