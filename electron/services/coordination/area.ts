import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Nearness } from '../../../shared/contract/coordination';
import { AreaLookup } from '../../../db/records/institution';

/** Where the patient lives, as the request's consultation recorded it. */
export interface PatientArea {
  municipalityCode: string | null;
  /** the consultation's 管轄保健所, when it was set */
  healthCenterId: string | null;
}

/**
 * How near a hospital is to the patient, from the directory, through the one lookup of
 * "which 保健所 covers this municipality" (area-lookup.ts: a 政令市 ward counts under its city).
 */
export async function nearnessResolver(db: Kysely<DB>, patient: PatientArea) {
  const areas = await AreaLookup.load(db);
  const home = patient.municipalityCode;
  const homeCenters: ReadonlySet<string> = new Set(
    patient.healthCenterId ? [patient.healthCenterId] : home ? await areas.healthCentersOf(home) : [],
  );
  const homeCity = home ? await areas.cityOf(home) : null;

  return async function nearness(hospitalCode: string | null): Promise<Nearness> {
    if (!hospitalCode) return 'unknown';
    if (homeCity && (await areas.cityOf(hospitalCode)) === homeCity) return 'municipality';
    const theirs = await areas.healthCentersOf(hospitalCode);
    if (theirs.some((id) => homeCenters.has(id))) return 'health_center';
    if (!home) return 'unknown';
    return hospitalCode.slice(0, 2) === home.slice(0, 2) ? 'prefecture' : 'other_prefecture';
  };
}
