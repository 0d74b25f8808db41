import type { ChainReportDto } from '../../../shared/contract/security';
import { reserveExport } from '../../services/files/write-export';
import { str } from '../args';
import type { Out } from './casefile-commands';
import { openCliSession } from './session-door';

const REASONS: Record<string, string> = {
  altered: 'its content or MAC was changed / 内容が書き換えられています',
  link: 'it does not follow the entry before it (an entry deleted or moved) / 直前の記録が削除・移動されています',
  unchained: 'it was inserted past the app / アプリ以外から追加されています',
  head: 'the newest entries are missing, or the head was altered / 最新の記録が削除されています',
  anchor:
    'entries up to the anchored one are missing (the anchor is kept with the key slots) / 記録が削除されています（鍵ファイルの基準点より前）',
  meta: 'the mark that the chain has started was removed / 連鎖の開始記録が削除されています',
};

/** `audit verify --casefile F --login L`: checks the hash chain; exit 1 when it is broken. */
export async function auditVerifyCommand(argv: string[], out: Out): Promise<number> {
  const s = await openCliSession(argv);
  try {
    const r = await s.call<ChainReportDto>('audit.verify', {});
    if (s.values.json) {
      out(JSON.stringify(r));
    } else if (r.ok) {
      out(`audit chain: ok (${r.entries} entries)`);
      if (r.head) out(`head: #${r.head.id} ${r.head.mac}`);
    } else {
      const b = r.firstBroken!;
      out(`audit chain: BROKEN at entry #${b.id}${b.at ? ` (${b.at}, ${b.action})` : ''}`);
      if (b.action === 'audit.break-found')
        out('  (found at a sign-in and written down then / サインイン時に検出・記録)');
      out(`  ${REASONS[b.reason]}`);
    }
    return r.ok ? 0 : 1;
  } finally {
    await s.close();
  }
}

/** `audit export --casefile F --login L --out FILE [--from D --to D --user L --action A]`. */
export async function auditExportCommand(argv: string[], out: Out): Promise<void> {
  const s = await openCliSession(argv, {
    out: 'string',
    from: 'string',
    to: 'string',
    user: 'string',
    action: 'string',
  });
  try {
    const v = s.values;
    const opt = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
    const file = str(v, 'out');
    const place = reserveExport(file, [str(v, 'casefile')]);
    let r: { base64: string; rows: number };
    try {
      r = await s.call<{ base64: string; rows: number }>('audit.export', {
        from: opt('from'),
        to: opt('to'),
        login: opt('user'),
        action: opt('action'),
      });
    } catch (e) {
      place.abort();
      throw e;
    }
    place.commit(Buffer.from(r.base64, 'base64'));
    out(`exported ${r.rows} entries to ${file}`);
  } finally {
    await s.close();
  }
}
