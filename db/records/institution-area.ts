import type { Kysely, Transaction } from 'kysely';
import { prefectureCodeOf } from '../../shared/codes/municipality-code';
import { abolishedMunicipality } from '../../shared/masters/abolished-municipalities';
import type { DB } from '../schema';
import { fixedRows } from '../sqlite/fixed-sql';
import { readMeta } from '../sync/identity';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * THE answer to "which 保健所 covers this municipality", for intake (管轄保健所 of a consultation),
 * the directory (institution.healthCenterFor), coordination (how near a hospital is) and the
 * report (table 6-2), so they cannot disagree:
 * - an active 保健所 of the directory whose covered municipalities list the code (first by name
 *   kana, name, id when several do);
 * - else the same for the code's city: a 政令市 ward (さいたま市 浦和区 111074) counts under its city
 *   (さいたま市 111007), as a 保健所設置市's 保健所 is usually entered with the city code only;
 * - a code of another prefecture than the center's own (the setting chosen at setup) is 県外
 *   (residence at intake, table 6-2), whichever 保健所 covers it.
 * Ward → city comes from the municipality master (wards are named 「<city> <ward>」, in any list
 * version) and the list of abolished codes (浜松市's wards before 2024-01-01).
 * Read once per use: a lookup lives for one use case or one report, and caches what it read.
 */
export class AreaLookup {
  #cities = new Map<string, Promise<string>>();

  private constructor(
    private readonly db: Db,
    /** municipality code → active 保健所 ids covering it, in order */
    private readonly covering: Map<string, string[]>,
    /** the center's own prefecture (2 digits), or null when not set */
    readonly prefecture: string | null,
  ) {}

  static async load(db: Db): Promise<AreaLookup> {
    // fixed SQL (db/sqlite/fixed-sql.ts): every save looks up its 保健所
    const centers = await fixedRows<{ id: string; covered_municipalities: string }>(
      db,
      `SELECT id, covered_municipalities FROM institutions WHERE type = 'health_center' AND active = 1
       ORDER BY name_kana, name, id`,
    );
    const covering = new Map<string, string[]>();
    for (const hc of centers) {
      for (const code of JSON.parse(hc.covered_municipalities) as string[]) {
        if (!covering.has(code)) covering.set(code, []);
        covering.get(code)!.push(hc.id);
      }
    }
    return new AreaLookup(db, covering, await centerPrefecture(db));
  }

  /** A 政令市 ward's city code; any other code itself. */
  cityOf(code: string): Promise<string> {
    let hit = this.#cities.get(code);
    if (!hit) this.#cities.set(code, (hit = cityOfWard(this.db, code).then((c) => c ?? code)));
    return hit;
  }

  /** Every active 保健所 covering the code (directly, or through its city). */
  async healthCentersOf(code: string): Promise<readonly string[]> {
    const direct = this.covering.get(code);
    if (direct) return direct;
    return this.covering.get(await this.cityOf(code)) ?? [];
  }

  /**
   * The 管轄保健所 of a municipality, if the directory has one covering it (also another
   * prefecture's, which a center may keep for its letters); table 6-2 counts a code of another
   * prefecture as 県外 whatever its 保健所.
   */
  async healthCenterOf(code: string | null): Promise<string | null> {
    if (!code) return null;
    return (await this.healthCentersOf(code))[0] ?? null;
  }

  /** A code of another prefecture than the center's own; false while the setting is not made. */
  isOutOfPrefecture(code: string): boolean {
    return this.prefecture !== null && prefectureCodeOf(code) !== this.prefecture;
  }

  /** Residence from a municipality code: 県外 when it is another prefecture's. */
  residenceOf(code: string): 'in_pref' | 'out_of_pref' {
    return this.isOutOfPrefecture(code) ? 'out_of_pref' : 'in_pref';
  }
}

/** The center's own prefecture code, chosen at setup (meta `center_prefecture`). */
export async function centerPrefecture(db: Db): Promise<string | null> {
  const v = await readMeta(db, 'center_prefecture');
  return v && /^\d{2}$/.test(v) ? v : null;
}

/**
 * A 政令市 ward's city (さいたま市 浦和区 111074 → さいたま市 111007): from the master list, where
 * wards are named 「<city> <ward>」 (the newest list version that has the code), or from the list
 * of abolished codes; null for anything else.
 */
export async function cityOfWard(db: Db, code: string): Promise<string | null> {
  const gone = abolishedMunicipality(code);
  if (gone) return gone.cityCode;
  const [ward] = await fixedRows<{ list_version: string; pref_code: string; name: string }>(
    db,
    `SELECT list_version, pref_code, name FROM master_municipalities WHERE code = ?
     ORDER BY list_version DESC LIMIT 1`,
    [code],
  );
  const cityName = ward?.name.includes(' ') ? ward.name.split(' ')[0] : undefined;
  if (!ward || !cityName) return null;
  const [city] = await fixedRows<{ code: string }>(
    db,
    `SELECT code FROM master_municipalities WHERE list_version = ? AND pref_code = ? AND name = ? LIMIT 1`,
    [ward.list_version, ward.pref_code, cityName],
  );
  return city?.code ?? null;
}
