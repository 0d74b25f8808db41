import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { fixedRows } from '../../../db/sqlite/fixed-sql';
import { AppError } from '../../../shared/errors';
import { existedOn } from '../../../shared/masters/abolished-municipalities';
import { latestMunicipalityVersion } from './latest-version';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Intake refuses what a check digit cannot catch: a 指定難病 number that is not on the cited list
 * version (UNKNOWN_DISEASE: a disease outside the list goes in the other-disease text), and a
 * municipality code that did not exist on the consultation's date (UNKNOWN_MUNICIPALITY: not on
 * the current list, or made later, or ended before it, e.g. 浜松市 中区 after 2024-01-01).
 */
export async function assertKnownDiseases(
  db: Db,
  diseases: readonly { number: number; listVersion: string }[],
): Promise<void> {
  for (const d of diseases) {
    // fixed SQL (db/sqlite/fixed-sql.ts): every save checks its diseases and municipality
    const [row] = await fixedRows(
      db,
      `SELECT number FROM master_nanbyo WHERE list_version = ? AND number = ?`,
      [d.listVersion, d.number],
    );
    if (!row)
      throw new AppError(
        'UNKNOWN_DISEASE',
        `No. ${d.number} is not on the 指定難病 list ${d.listVersion}: write the disease as other-disease text.`,
        [{ path: 'patient.diseases', message: String(d.number) }],
      );
  }
}

export async function assertKnownMunicipality(
  db: Db,
  code: string | null | undefined,
  day: string,
): Promise<void> {
  if (!code) return;
  const version = await latestMunicipalityVersion(db);
  const inList = version
    ? (
        await fixedRows(db, `SELECT code FROM master_municipalities WHERE list_version = ? AND code = ?`, [
          version,
          code,
        ])
      ).length > 0
    : true;
  if (!existedOn(code, inList, day))
    throw new AppError('UNKNOWN_MUNICIPALITY', `No municipality ${code} existed on ${day}.`, [
      { path: 'patient.municipalityCode', message: code },
    ]);
}
