import type { InstitutionDto } from '../../../shared/contract/directory';
import { requirePermission, type ServiceContext } from '../context';
import { AreaLookup } from '../../../db/records/institution';
import { toInstitutionDto } from './institution-mapper';

/**
 * 管轄保健所 of a municipality, if the directory knows it: the same lookup intake and the report
 * use (area-lookup.ts; a 政令市 ward falls back to its city, another prefecture has none).
 */
export async function healthCenterFor(ctx: ServiceContext, code: string): Promise<InstitutionDto | null> {
  requirePermission(ctx, 'directory.view');
  const areas = await AreaLookup.load(ctx.db);
  const id = await areas.healthCenterOf(code);
  if (!id) return null;
  const row = await ctx.db
    .selectFrom('institutions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return toInstitutionDto(row);
}
