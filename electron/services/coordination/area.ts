import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Nearness } from '../../../shared/contract/coordination';
import { cityOfWard } from '../directory/health-center-for';

/** Where the patient lives, as the request's consultation recorded it. */
export interface PatientArea {
  municipalityCode: string | null;
  /** the consultation's 管轄保健所, when it was set */
  healthCenterId: string | null;
}

/**
 * How near a hospital is to the patient, from the directory: the 保健所 whose covered
 * municipalities list a code (a 政令市 ward falls back to its city, as healthCenterFor does).
 * Reads the health centers once; wards are looked up once each.
 */
export async function nearnessResolver(db: Kysely<DB>, patient: PatientArea) {
  const centers = await db
    .selectFrom('institutions')
    .select(['id', 'covered_municipalities'])
    .where('type', '=', 'health_center')
    .where('active', '=', 1)
    .execute();
  const byCode = new Map<string, Set<string>>();
  for (const hc of centers) {
    for (const code of JSON.parse(hc.covered_municipalities) as string[]) {
      if (!byCode.has(code)) byCode.set(code, new Set());
      byCode.get(code)!.add(hc.id);
    }
  }
  const cities = new Map<string, string>();
  const cityOf = async (code: string): Promise<string> => {
    if (!cities.has(code)) cities.set(code, (await cityOfWard(db, code)) ?? code);
    return cities.get(code)!;
  };
  const centersOf = async (code: string): Promise<ReadonlySet<string>> =>
    byCode.get(code) ?? byCode.get(await cityOf(code)) ?? new Set();

  const home = patient.municipalityCode;
  const homeCenters: ReadonlySet<string> = patient.healthCenterId
    ? new Set([patient.healthCenterId])
    : home
      ? await centersOf(home)
      : new Set();
  const homeCity = home ? await cityOf(home) : null;

  return async function nearness(hospitalCode: string | null): Promise<Nearness> {
    if (!hospitalCode) return 'unknown';
    if (homeCity && (await cityOf(hospitalCode)) === homeCity) return 'municipality';
    const theirs = await centersOf(hospitalCode);
    if ([...theirs].some((id) => homeCenters.has(id))) return 'health_center';
    if (!home) return 'unknown';
    return hospitalCode.slice(0, 2) === home.slice(0, 2) ? 'prefecture' : 'other_prefecture';
  };
}
