import { createHash } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract';
import { nowIso } from '../context';
import type { UnitOfWork } from '../unit-of-work';
import { auditQuery } from '../staff/list-audit';
import { csvLines } from './audit-csv';

/** Checks the hash chain end to end; the check itself is logged (a review is an act too). */
export async function verifyAudit(ctx: UnitOfWork) {
  const report = ctx.caseFile.verifyAuditChain();
  ctx.audit.about({ detail: { ok: report.ok, entries: report.entries, firstBroken: report.firstBroken } });
  return { ...report, checkedAt: nowIso(ctx) };
}

const HEADERS = {
  ja: ['番号', '日時(UTC)', 'ログイン名', '操作', '対象', '対象ID', '詳細', 'MAC'],
  en: ['id', 'at (UTC)', 'login', 'action', 'entity', 'entity id', 'detail', 'mac'],
};

/**
 * The filtered log as CSV, oldest first (the order of the chain, so the MAC column can be
 * compared with a later export). The export is an audit entry of its own, with the file's
 * SHA-256 and the filter, written by the dispatcher before the bytes are handed out.
 */
export async function exportAudit(ctx: UnitOfWork, f: ParsedInput<'audit.export'>, lang: 'ja' | 'en' = 'ja') {
  const rows = await auditQuery(ctx, f).selectAll().orderBy('id', 'asc').execute();
  const csv = csvLines([
    HEADERS[lang],
    ...rows.map((r) => [r.id!, r.at, r.login, r.action, r.entity, r.entity_id, r.detail, r.mac]),
  ]);
  const bytes = Buffer.from(csv, 'utf8');
  const stamp = nowIso(ctx).slice(0, 10).replace(/-/g, '');
  const filename = `yorisoi-audit-${stamp}.csv`;
  ctx.audit.about({
    detail: {
      filename,
      rows: rows.length,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      filter: f,
    },
  });
  return {
    filename,
    mimeType: 'text/csv; charset=utf-8',
    base64: bytes.toString('base64'),
    rows: rows.length,
  };
}
