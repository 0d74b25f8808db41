import { sql } from 'kysely';
import { readMeta } from '../../../db/sync/identity';
import type { ServiceContext } from '../context';

/**
 * Prefecture view: consultations (延件数) and distinct persons (実人数) per center and fiscal year,
 * counted as the center's own table 1 counts them (not deleted; a consultation without a person
 * is one person of its own), so a center's row equals its own report.
 * A consultation belongs to the center of the device that first brought its origin's ops
 * (sync_origins → sync_peers.center_id): an office PC, its laptops and an office PC restored from
 * a backup are one center, one row. This device's own consultations count under its own name.
 */
export async function centerSummary(ctx: ServiceContext, fiscalYear?: number) {
  const self = (await readMeta(ctx.db, 'device_id')) ?? '';
  const ownName = (await readMeta(ctx.db, 'center_name')) ?? '';
  const fy = fiscalYear ?? null;
  const person = sql`coalesce(c.person_id, 'consultation:' || c.id)`;
  const rows = await sql<{ center: string; fiscal_year: number; n: number; persons: number }>`
    SELECT coalesce(p.center_id, o.via_peer, ${self}) AS center, c.fiscal_year,
           count(*) AS n, count(DISTINCT ${person}) AS persons
      FROM consultations c
      LEFT JOIN sync_origins o ON o.origin = c.origin_device
      LEFT JOIN sync_peers p ON p.device_id = o.via_peer
     WHERE c.deleted_at IS NULL AND (${fy} IS NULL OR c.fiscal_year = ${fy})
     GROUP BY center, c.fiscal_year`.execute(ctx.db);
  const named = centerNames(
    await ctx.db
      .selectFrom('sync_peers')
      .select(['device_id', 'center_name', 'center_id', 'paired_at'])
      .orderBy('paired_at')
      .orderBy('device_id')
      .execute(),
  );
  const totals = await sql<{ fiscal_year: number; n: number; persons: number }>`
    SELECT c.fiscal_year, count(*) AS n, count(DISTINCT ${person}) AS persons FROM consultations c
     WHERE c.deleted_at IS NULL AND (${fy} IS NULL OR c.fiscal_year = ${fy})
     GROUP BY c.fiscal_year ORDER BY c.fiscal_year`.execute(ctx.db);
  const out = rows.rows.map((r) => {
    const own = r.center === self;
    const who = named.get(r.center);
    return {
      centerId: r.center,
      centerDeviceId: own ? self : (who?.deviceId ?? r.center),
      centerName: own ? ownName : (who?.name ?? r.center),
      fiscalYear: r.fiscal_year,
      consultations: Number(r.n),
      persons: Number(r.persons),
    };
  });
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  out.sort(
    (a, b) => a.fiscalYear - b.fiscalYear || cmp(a.centerName, b.centerName) || cmp(a.centerId, b.centerId),
  );
  return {
    rows: out,
    totals: totals.rows.map((r) => ({
      fiscalYear: r.fiscal_year,
      consultations: Number(r.n),
      persons: Number(r.persons),
    })),
  };
}

/**
 * Each center by the name most of its devices carry (a laptop may have been set up under a name
 * of its own), then by the most recently paired device: the same answer however fast the
 * pairings came (paired_at can tie).
 */
function centerNames(
  peers: { device_id: string; center_name: string; center_id: string | null }[],
): Map<string, { deviceId: string; name: string }> {
  const byCenter = new Map<string, { deviceId: string; name: string }[]>();
  for (const p of peers) {
    const key = p.center_id ?? p.device_id;
    byCenter.set(key, [...(byCenter.get(key) ?? []), { deviceId: p.device_id, name: p.center_name }]);
  }
  const out = new Map<string, { deviceId: string; name: string }>();
  for (const [center, devices] of byCenter) {
    const votes = new Map<string, number>();
    for (const d of devices) votes.set(d.name, (votes.get(d.name) ?? 0) + 1);
    const most = Math.max(...votes.values());
    // the newest device among those carrying a most-used name (peers come oldest first)
    const chosen = [...devices].reverse().find((d) => votes.get(d.name) === most)!;
    out.set(center, chosen);
  }
  return out;
}
