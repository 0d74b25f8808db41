import { sql, type SqlBool } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { InstitutionDto } from '../../../shared/contract/directory';
import { requirePermission, type ServiceContext } from '../context';
import { latestMunicipalityVersion } from '../masters/latest-version';
import { toInstitutionDto } from './institution-mapper';

/** An active 保健所 whose covered municipalities list the code (first by name if several). */
async function coveringHealthCenter(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('institutions')
    .selectAll()
    .where('type', '=', 'health_center')
    .where('active', '=', 1)
    .where(
      sql<SqlBool>`exists (select 1 from json_each(institutions.covered_municipalities) where value = ${code})`,
    )
    .orderBy('name')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/**
 * A 政令市 ward's city (さいたま市 浦和区 111074 → さいたま市 111007), from the master list where
 * wards are named 「<city> <ward>」; null for anything else.
 */
export async function cityOfWard(db: Kysely<DB>, code: string): Promise<string | null> {
  const version = await latestMunicipalityVersion(db);
  if (!version) return null;
  const ward = await db
    .selectFrom('master_municipalities')
    .select(['pref_code', 'name'])
    .where('list_version', '=', version)
    .where('code', '=', code)
    .executeTakeFirst();
  const cityName = ward?.name.includes(' ') ? ward.name.split(' ')[0] : undefined;
  if (!ward || !cityName) return null;
  const city = await db
    .selectFrom('master_municipalities')
    .select('code')
    .where('list_version', '=', version)
    .where('pref_code', '=', ward.pref_code)
    .where('name', '=', cityName)
    .executeTakeFirst();
  return city?.code ?? null;
}

/**
 * 管轄保健所 of a municipality, if the directory knows it. A 保健所設置市's health center is
 * usually entered with the city's code only, so a ward falls back to its city.
 */
export async function healthCenterFor(ctx: ServiceContext, code: string): Promise<InstitutionDto | null> {
  requirePermission(ctx, 'directory.view');
  const direct = await coveringHealthCenter(ctx.db, code);
  if (direct) return toInstitutionDto(direct);
  const city = await cityOfWard(ctx.db, code);
  const viaCity = city ? await coveringHealthCenter(ctx.db, city) : undefined;
  return viaCity ? toInstitutionDto(viaCity) : null;
}
