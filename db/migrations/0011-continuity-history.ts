import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * FROZEN. 新規/継続 follows the person's history (their first consultation ever is 新規), worked
 * out when it is read, so a consultation typed later about an earlier call, or one arriving by
 * sync, puts every count right. A counselor may set it by hand with a reason:
 * - `continuity_override` ('new' | 'continuing', or NULL: derived) — a code, it goes to the
 *   prefecture with the statistics; `continuity_reason` — free text, it does not.
 * - `consultations_history`: a person's consultations by time, for "is there an earlier one".
 * - `consultations_report` again, now also holding what the report counts besides (exact age
 *   for the 40–64 / 65+ cut, 受給者証, 手帳, 介護保険, devices, outcome, the override), so a
 *   year is still read from the index alone. The old `continuity` column stays: it is what the
 *   consultation was saved with, for older apps.
 * - `master_municipalities_code`: the master by code across list versions, for the one lookup of
 *   "which 保健所 covers this municipality" (a ward's city, a code that has since ended).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `ALTER TABLE consultations ADD COLUMN continuity_override TEXT
       CHECK (continuity_override IS NULL OR continuity_override IN ('new','continuing'))`,
    `ALTER TABLE consultations ADD COLUMN continuity_reason TEXT`,
    `CREATE INDEX consultations_history ON consultations(person_id, received_at, id, deleted_at)`,
    // the municipality master by code across list versions (ward → city, codes that ended)
    `CREATE INDEX master_municipalities_code ON master_municipalities(code, list_version)`,
    `DROP INDEX consultations_report`,
    `CREATE INDEX consultations_report ON consultations(
       fiscal_year, received_date, deleted_at, site_kind, event_id, person_id, received_at, method,
       continuity_override, kind, consulter, sex, age, age_band, residence, municipality_code,
       health_center_id, diagnosis_status, disease_other, employment, recipient_cert,
       disability_cert, ltc_level, devices, outcome, duration_min, main_category, id)`,
  ]);
}
