import type { Kysely } from 'kysely';
import { MUNICIPALITIES_CSV } from '../../shared/masters/embedded/municipalities-csv';
import { NANBYO_CSV } from '../../shared/masters/embedded/nanbyo-csv';
import { MUNICIPALITY_LIST_VERSION, parseMunicipalitiesCsv } from '../../shared/masters/parse-municipalities';
import { NANBYO_LIST_VERSION, parseNanbyoCsv } from '../../shared/masters/parse-nanbyo';
import { diseaseGroupByJa } from '../../shared/vocab/disease-groups';
import type { DB } from '../schema';

/**
 * Loads the shipped reference lists into the case file when their version is not there yet.
 * Old versions stay: records cite (list_version, number), and a renamed disease keeps its old
 * name under the old version.
 */
export async function loadMasters(db: Kysely<DB>): Promise<{ loaded: string[] }> {
  const loaded: string[] = [];
  const hasNanbyo = await db
    .selectFrom('master_nanbyo')
    .select('number')
    .where('list_version', '=', NANBYO_LIST_VERSION)
    .limit(1)
    .executeTakeFirst();
  const hasMuni = await db
    .selectFrom('master_municipalities')
    .select('code')
    .where('list_version', '=', MUNICIPALITY_LIST_VERSION)
    .limit(1)
    .executeTakeFirst();
  if (hasNanbyo && hasMuni) return { loaded };
  await db.transaction().execute(async (trx) => {
    if (!hasNanbyo) {
      const rows = parseNanbyoCsv(NANBYO_CSV).map((r) => ({
        list_version: NANBYO_LIST_VERSION,
        number: r.number,
        name_ja: r.nameJa,
        groups: JSON.stringify(r.groups.map((g) => diseaseGroupByJa(g))), // stored as group codes
        url: r.url,
      }));
      for (let i = 0; i < rows.length; i += 200)
        await trx
          .insertInto('master_nanbyo')
          .values(rows.slice(i, i + 200))
          .execute();
      loaded.push(`nanbyo ${NANBYO_LIST_VERSION}`);
    }
    if (!hasMuni) {
      const rows = parseMunicipalitiesCsv(MUNICIPALITIES_CSV).map((r) => ({
        list_version: MUNICIPALITY_LIST_VERSION,
        code: r.code,
        pref_code: r.prefCode,
        pref_name: r.prefName,
        name: r.name,
        name_kana: r.nameKana,
      }));
      for (let i = 0; i < rows.length; i += 200)
        await trx
          .insertInto('master_municipalities')
          .values(rows.slice(i, i + 200))
          .execute();
      loaded.push(`municipalities ${MUNICIPALITY_LIST_VERSION}`);
    }
  });
  return { loaded };
}
