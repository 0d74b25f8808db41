import type { z } from 'zod';
import type { diseaseEntry, municipalityEntry } from '../../../shared/contract/masters';
import { foldForSearch } from '../../../shared/text/normalize';
import { call } from '../../api/client';

type Disease = z.infer<typeof diseaseEntry>;
type Municipality = z.infer<typeof municipalityEntry> & { fold: string };

let diseases: Promise<Disease[]> | null = null;
let municipalities: Promise<Municipality[]> | null = null;

/** The 348 指定難病, loaded once per session, with readings and abbreviations for matching. */
export function loadDiseases(): Promise<Disease[]> {
  diseases ??= call('master.diseases', {});
  return diseases;
}

/** The municipalities, loaded once, matched by name or reading. */
export function loadMunicipalities(): Promise<Municipality[]> {
  municipalities ??= call('master.municipalities', {}).then((rows) =>
    rows.map((m) => ({ ...m, fold: foldForSearch(`${m.prefName}${m.name} ${m.nameKana}`) })),
  );
  return municipalities;
}

export function forgetMasters(): void {
  diseases = null;
  municipalities = null;
}

/** By number, name, reading or abbreviation (ALS, SCD …): the same matcher as the service. */
export { matchDiseases } from '../../../shared/masters/match-diseases';

export function matchMunicipalities(all: Municipality[], query: string, limit = 12): Municipality[] {
  const q = foldForSearch(query).replace(/\s/g, '');
  if (!q) return [];
  if (/^\d{2,6}$/.test(q)) return all.filter((m) => m.code.startsWith(q)).slice(0, limit);
  return all.filter((m) => m.fold.replace(/\s/g, '').includes(q)).slice(0, limit);
}
