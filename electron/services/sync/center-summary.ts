import { sql } from 'kysely';
import { readMeta } from '../../../db/sync/identity';
import type { ServiceContext } from '../context';
import { requireSyncView } from './sync-access';

/**
 * Prefecture view: consultations (延件数) and distinct persons (実人数) per center and fiscal year.
 * A consultation belongs to the center whose device first brought its origin's ops
 * (sync_origins); this device's own consultations count under its own name.
 */
export async function centerSummary(ctx: ServiceContext, fiscalYear?: number) {
  requireSyncView(ctx);
  const self = (await readMeta(ctx.db, 'device_id')) ?? '';
  const ownName = (await readMeta(ctx.db, 'center_name')) ?? '';
  const fy = fiscalYear ?? null;
  const rows = await sql<{
    center: string;
    name: string | null;
    fiscal_year: number;
    n: number;
    persons: number;
  }>`
    SELECT coalesce(o.via_peer, ${self}) AS center, p.center_name AS name, c.fiscal_year,
           count(*) AS n, count(DISTINCT c.person_id) AS persons
      FROM consultations c
      LEFT JOIN sync_origins o ON o.origin = c.origin_device
      LEFT JOIN sync_peers p ON p.device_id = o.via_peer
     WHERE c.deleted_at IS NULL AND (${fy} IS NULL OR c.fiscal_year = ${fy})
     GROUP BY center, c.fiscal_year
     ORDER BY c.fiscal_year, name, center`.execute(ctx.db);
  const totals = await sql<{ fiscal_year: number; n: number; persons: number }>`
    SELECT fiscal_year, count(*) AS n, count(DISTINCT person_id) AS persons FROM consultations
     WHERE deleted_at IS NULL AND (${fy} IS NULL OR fiscal_year = ${fy})
     GROUP BY fiscal_year ORDER BY fiscal_year`.execute(ctx.db);
  return {
    rows: rows.rows.map((r) => ({
      centerDeviceId: r.center,
      centerName: r.center === self ? ownName : (r.name ?? r.center),
      fiscalYear: r.fiscal_year,
      consultations: Number(r.n),
      persons: Number(r.persons),
    })),
    totals: totals.rows.map((r) => ({
      fiscalYear: r.fiscal_year,
      consultations: Number(r.n),
      persons: Number(r.persons),
    })),
  };
}
