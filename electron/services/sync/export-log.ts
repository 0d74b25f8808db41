import type { ServiceContext } from '../context';

const ACTIONS = ['sync.bundle.export', 'sync.receipt.export'] as const;

interface Detail {
  peer?: string;
  centerName?: string;
  profile?: string;
  ops?: number;
  bytes?: number;
  file?: string;
}

/**
 * Every sync file that left this device (DOMAIN §7 provision log): who, when, how many ops,
 * to whom and under which profile. Kept in the audit log, newest first.
 */
export async function exportLog(ctx: ServiceContext, limit: number, offset: number) {
  const q = ctx.db.selectFrom('audit_log').where('action', 'in', ACTIONS);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    total: Number(total.n),
    rows: rows.map((r) => {
      const d = (r.detail ? JSON.parse(r.detail) : {}) as Detail;
      return {
        at: r.at,
        login: r.login,
        kind: r.action === 'sync.bundle.export' ? ('bundle' as const) : ('receipt' as const),
        peer: d.peer ?? r.entity_id ?? '',
        centerName: d.centerName ?? null,
        profile: d.profile ?? null,
        ops: d.ops ?? null,
        bytes: d.bytes ?? null,
        file: d.file ?? null,
      };
    }),
  };
}
