import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CHANNEL_POLICY } from '../../shared/channel-access';
import { en, ja } from '../../shared/i18n';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/**
 * Every action the code writes to the audit log: `action: '…'` literals, the actions handed to
 * the change helpers (followup/referral/coordination/institution …Change(…, 'x.y')), the two
 * families built from a kind (letter copies, refused sync files), the actions the channel
 * policies declare (written by the unit of work), and those a use case adds to its audit book.
 */
function auditActions(): Set<string> {
  const out = new Set([
    'letter.copy.pdf_file',
    'letter.copy.reprint',
    'sync.bundle.reject',
    'sync.receipt.reject',
    'audit.break-found', // db/audit-chain/anchor.ts BREAK_ACTION
  ]);
  for (const p of Object.values(CHANNEL_POLICY)) {
    for (const a of p.audit === null ? [] : typeof p.audit === 'string' ? [p.audit] : p.audit) out.add(a);
  }
  const root = join(__dirname, '../..');
  for (const f of [...files(join(root, 'electron')), ...files(join(root, 'db'))]) {
    const s = readFileSync(f, 'utf8');
    for (const m of s.matchAll(/action: '([a-z][a-zA-Z-]*(?:\.[a-zA-Z-]+)*)'/g)) out.add(m[1]!);
    for (const m of s.matchAll(/(?:\.(?:note|add|onFailure|step)\(|auditEntry\(trx, ctx, )'([a-z][\w.-]*)'/g))
      out.add(m[1]!);
    for (const m of s.matchAll(/Change\(/g)) {
      const call = s.slice(m.index + 7, m.index + 700).split(');')[0]!;
      for (const a of call.matchAll(/'((?:followup|referral|coordination|institution)\.[a-zA-Z-]+)'/g))
        out.add(a[1]!);
    }
  }
  out.delete('deny'); // the window's navigation policy, not the audit log
  out.delete('string'); // the CLI's option table (--action takes a string)
  return out;
}

it('every audit action the app writes has a name in Japanese and English', () => {
  const actions = auditActions();
  expect(actions.size).toBeGreaterThan(60);
  const key = (a: string) => a.replace(/\./g, '_');
  const missing = [...actions].filter(
    (a) => !(key(a) in ja.auditView.actions) || !(key(a) in en.auditView.actions),
  );
  expect(missing).toEqual([]);
});
