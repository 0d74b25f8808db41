import type { ServiceContext } from '../context';
import { latestNanbyoVersion } from './latest-version';

/** The newest 指定難病 list, by number; `groups` are disease-group codes (vocab/disease-groups). */
export async function listDiseases(ctx: ServiceContext) {
  const version = await latestNanbyoVersion(ctx.db);
  if (!version) return [];
  const rows = await ctx.db
    .selectFrom('master_nanbyo')
    .select(['number', 'list_version', 'name_ja', 'groups'])
    .where('list_version', '=', version)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    listVersion: r.list_version,
    nameJa: r.name_ja,
    groups: JSON.parse(r.groups) as string[],
  }));
}
