import { matchDiseases } from '../../../shared/masters/match-diseases';
import { NANBYO_READINGS } from '../../../shared/masters/nanbyo-readings';
import type { ServiceContext } from '../context';
import { latestNanbyoVersion } from './latest-version';

const readings = new Map(NANBYO_READINGS.map((r) => [r.number, r]));

/**
 * The newest 指定難病 list, by number; `groups` are disease-group codes (vocab/disease-groups),
 * with readings and abbreviations where known (shared/masters/nanbyo-readings.ts: an entry
 * applies while the list still names the disease as it was written for). With a query, the
 * matches in picker order (shared/masters/match-diseases.ts).
 */
export async function listDiseases(ctx: ServiceContext, query?: string) {
  const version = await latestNanbyoVersion(ctx.db);
  if (!version) return [];
  const rows = await ctx.db
    .selectFrom('master_nanbyo')
    .select(['number', 'list_version', 'name_ja', 'groups'])
    .where('list_version', '=', version)
    .orderBy('number')
    .execute();
  const list = rows.map((r) => {
    const known = readings.get(r.number);
    const applies = known?.name === r.name_ja;
    return {
      number: r.number,
      listVersion: r.list_version,
      nameJa: r.name_ja,
      groups: JSON.parse(r.groups) as string[],
      reading: applies ? known.reading : null,
      aliases: applies ? [...known.aliases] : [],
    };
  });
  return query === undefined ? list : matchDiseases(list, query, 20);
}
