import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * FROZEN. What a center does besides consultations and events, so it can be counted (DOMAIN §1
 * work area Ⅴ and the seeds' 協議会 / 支援者会議):
 * - `activities`: 地域支援対策事業 (Ⅴ), 協議会, 支援者会議 and 日常生活用具の展示 — date, title or
 *   topic, place, the institutions that attended (JSON array of {name, institutionId}), how
 *   many people came (visitors for a display), notes. Synced like events.
 * - `institutions.designations`: the other designations an institution holds besides its type
 *   (JSON array of institution type codes): a hospital can be 難病診療連携拠点病院 and
 *   難病医療拠点病院 at once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `CREATE TABLE activities (
       id TEXT PRIMARY KEY,
       kind TEXT NOT NULL,
       title TEXT NOT NULL,
       date TEXT NOT NULL,
       place TEXT,
       attendees TEXT NOT NULL DEFAULT '[]',
       participants INTEGER CHECK (participants IS NULL OR participants >= 0),
       notes TEXT,
       created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
       version INTEGER NOT NULL DEFAULT 1,
       deleted_at TEXT
     ) STRICT`,
    `CREATE INDEX activities_date ON activities(date, kind)`,
    `ALTER TABLE institutions ADD COLUMN designations TEXT NOT NULL DEFAULT '[]'`,
  ]);
}
