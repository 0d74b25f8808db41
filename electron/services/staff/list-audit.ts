import { normalizeLogin } from '../../../db/crypto/key-slots';
import type { ParsedInput } from '../../../shared/contract';
import { requireIsoDate } from '../../../shared/dates/iso-date';
import type { ServiceContext } from '../context';
import { auditNames } from './audit-names';

/**
 * Start of a local calendar day as the UTC ISO string `at` is stored in. Staff mean their own
 * day (JST): 08:00 JST on the 2nd is stored as 23:00Z on the 1st. `dayOffset` 1 = next day.
 */
function localDayStart(iso: string, dayOffset = 0): string {
  const d = requireIsoDate(iso);
  return new Date(d.year, d.month - 1, d.day + dayOffset).toISOString();
}

function parseDetail(s: string | null): unknown {
  if (s === null) return null;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

export type AuditFilter = Pick<ParsedInput<'audit.list'>, 'login' | 'action' | 'entityId' | 'from' | 'to'>;

/** The filtered log (the audit view and its CSV export use the same filter). */
export function auditQuery(ctx: ServiceContext, f: AuditFilter) {
  let q = ctx.db.selectFrom('audit_log');
  if (f.login) q = q.where('login', '=', normalizeLogin(f.login));
  if (f.action) q = q.where('action', '=', f.action);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.from) q = q.where('at', '>=', localDayStart(f.from));
  if (f.to) q = q.where('at', '<', localDayStart(f.to, 1));
  return q;
}

export { parseDetail };

/** The audit log, newest first, paged; `to` includes that whole day. Administrators only (audit.read). */
export async function listAudit(ctx: ServiceContext, f: ParsedInput<'audit.list'>) {
  const q = auditQuery(ctx, f);
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const names = await auditNames(
    ctx.db,
    rows.map((r) => ({ login: r.login, entity: r.entity, entityId: r.entity_id })),
  );
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id!,
      at: r.at,
      login: r.login,
      staffName: names.staffName(r.login),
      target: names.target(r.entity, r.entity_id),
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      detail: parseDetail(r.detail),
    })),
  };
}
