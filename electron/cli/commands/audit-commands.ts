import type { ChainReportDto } from '../../../shared/contract/security';
import { reserveExport } from '../../services/files/write-export';
import { str } from '../args';
import { cliText, fill } from '../cli-text';
import type { Out } from './casefile-commands';
import { openCliSession } from './session-door';

/** `audit verify --casefile F --login L`: checks the hash chain; exit 1 when it is broken. */
export async function auditVerifyCommand(argv: string[], out: Out): Promise<number> {
  const s = await openCliSession(argv);
  try {
    const r = await s.call<ChainReportDto>('audit.verify', {});
    const t = cliText().audit;
    if (s.values.json) {
      out(JSON.stringify(r));
    } else if (r.ok) {
      out(fill(t.ok, { entries: r.entries }));
      if (r.head) out(fill(t.head, { id: r.head.id, mac: r.head.mac }));
    } else {
      const b = r.firstBroken!;
      out(fill(t.broken, { id: b.id, where: b.at ? ` (${b.at}, ${b.action})` : '' }));
      if (b.action === 'audit.break-found') out(t.foundAtSignIn);
      out(`  ${t.reasons[b.reason as keyof typeof t.reasons] ?? b.reason}`);
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
    out(fill(cliText().audit.exported, { rows: r.rows, file }));
  } finally {
    await s.close();
  }
}
