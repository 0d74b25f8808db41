import type { ServiceContext } from '../context';
import { latestMunicipalityVersion } from './latest-version';

/** The newest municipality list (政令市 wards included), by code; optionally one prefecture. */
export async function listMunicipalities(ctx: ServiceContext, prefCode?: string) {
  const version = await latestMunicipalityVersion(ctx.db);
  if (!version) return [];
  let sel = ctx.db
    .selectFrom('master_municipalities')
    .select(['code', 'pref_code', 'pref_name', 'name', 'name_kana'])
    .where('list_version', '=', version);
  if (prefCode) sel = sel.where('pref_code', '=', prefCode);
  const rows = await sel.orderBy('code').execute();
  return rows.map((r) => ({
    code: r.code,
    prefCode: r.pref_code,
    prefName: r.pref_name,
    name: r.name,
    nameKana: r.name_kana,
  }));
}
