import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * FROZEN. Events the center holds away from its desk or for groups: outreach and medical
 * consultation days (出張相談会・医療相談会), exchange meetings (交流会), lectures (講演会),
 * trainings (研修会) and peer-supporter trainings. Consultations recorded at an event point
 * to it through consultations.event_id (already there since 0002).
 *
 * Also two indexes the statistics need: consultations by event, and a covering index over
 * the columns the annual report groups by, so a year of consultations is read from the index
 * (small rows) instead of from the table (rows with free text, every page decrypted).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `CREATE TABLE events (
       id TEXT PRIMARY KEY,
       kind TEXT NOT NULL CHECK (kind IN ('outreach_consultation','medical_consultation','exchange_meeting','lecture','training','peer_training')),
       title TEXT NOT NULL,
       date TEXT NOT NULL,
       place TEXT,
       organisers TEXT NOT NULL DEFAULT '[]',
       participants INTEGER CHECK (participants IS NULL OR participants >= 0),
       notes TEXT,
       created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
       version INTEGER NOT NULL DEFAULT 1,
       deleted_at TEXT
     ) STRICT`,
    `CREATE INDEX events_date ON events(date, kind)`,
    `CREATE INDEX consultations_event ON consultations(event_id) WHERE event_id IS NOT NULL`,
    `CREATE INDEX consultations_report ON consultations(
       fiscal_year, received_date, deleted_at, site_kind, event_id, person_id, received_at, method,
       continuity, kind, consulter, sex, age_band, residence, municipality_code, health_center_id,
       diagnosis_status, disease_other, employment, duration_min, main_category, id)`,
  ]);
}
