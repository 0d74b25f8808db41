import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * FROZEN. The consultation core: persons, consultations (with their multi-valued parts and
 * edit history), cases, follow-ups, the institution directory, reference masters, drafts,
 * the op log for sync, and the search index.
 *
 * Codes (method, category, …) are stored as the stable ASCII codes of shared/vocab; labels
 * live in the app. Dates are ISO text. Every synced row carries created/updated by/at and a
 * version number.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `CREATE TABLE persons (
       id TEXT PRIMARY KEY,
       name TEXT,
       name_kana TEXT,
       sex TEXT,
       birth_date TEXT,
       age_band TEXT,
       municipality_code TEXT,
       residence TEXT NOT NULL DEFAULT 'unknown',
       postal_code TEXT,
       address TEXT,
       phone TEXT,
       email TEXT,
       notes TEXT,
       search_text TEXT NOT NULL DEFAULT '',
       created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
       version INTEGER NOT NULL DEFAULT 1,
       deleted_at TEXT
     ) STRICT`,
    `CREATE INDEX persons_municipality ON persons(municipality_code)`,

    `CREATE TABLE cases (
       id TEXT PRIMARY KEY,
       person_id TEXT REFERENCES persons(id),
       title TEXT NOT NULL,
       state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','closed')),
       owner_id TEXT REFERENCES staff(id),
       opened_at TEXT NOT NULL,
       closed_at TEXT,
       outcome TEXT,
       outcome_note TEXT,
       created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
       version INTEGER NOT NULL DEFAULT 1
     ) STRICT`,
    `CREATE INDEX cases_person ON cases(person_id)`,

    `CREATE TABLE consultations (
       id TEXT PRIMARY KEY,
       serial TEXT NOT NULL,
       origin_device TEXT NOT NULL,
       fiscal_year INTEGER NOT NULL,
       received_at TEXT NOT NULL,
       received_date TEXT NOT NULL,
       site_kind TEXT NOT NULL DEFAULT 'center',
       event_id TEXT,
       method TEXT NOT NULL,
       continuity TEXT NOT NULL CHECK (continuity IN ('new','continuing')),
       case_id TEXT REFERENCES cases(id),
       duration_min INTEGER,
       kind TEXT NOT NULL,
       consulter TEXT NOT NULL,
       consulter_note TEXT,
       person_id TEXT REFERENCES persons(id),
       sex TEXT,
       age INTEGER,
       age_band TEXT,
       municipality_code TEXT,
       residence TEXT NOT NULL DEFAULT 'unknown',
       health_center_id TEXT,
       diagnosis_status TEXT,
       disease_other TEXT,
       recipient_cert TEXT,
       disability_cert TEXT,
       ltc_level TEXT,
       employment TEXT,
       living TEXT,
       devices TEXT NOT NULL DEFAULT '[]',
       main_category TEXT,
       summary TEXT NOT NULL DEFAULT '',
       response_text TEXT NOT NULL DEFAULT '',
       referral_note TEXT,
       outcome TEXT NOT NULL DEFAULT 'closed',
       created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
       version INTEGER NOT NULL DEFAULT 1,
       deleted_at TEXT,
       UNIQUE (origin_device, serial)
     ) STRICT`,
    `CREATE INDEX consultations_date ON consultations(received_date)`,
    `CREATE INDEX consultations_person ON consultations(person_id, received_at)`,
    `CREATE INDEX consultations_case ON consultations(case_id)`,
    `CREATE INDEX consultations_fy ON consultations(fiscal_year, received_date)`,
    `CREATE INDEX consultations_method ON consultations(method, received_date)`,
    `CREATE INDEX consultations_municipality ON consultations(municipality_code)`,

    `CREATE TABLE consultation_categories (
       consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
       code TEXT NOT NULL,
       is_main INTEGER NOT NULL DEFAULT 0,
       PRIMARY KEY (consultation_id, code)
     ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX consultation_categories_code ON consultation_categories(code)`,
    `CREATE TABLE consultation_responses (
       consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
       code TEXT NOT NULL,
       PRIMARY KEY (consultation_id, code)
     ) STRICT, WITHOUT ROWID`,
    `CREATE TABLE consultation_diseases (
       consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
       number INTEGER NOT NULL,
       list_version TEXT NOT NULL,
       PRIMARY KEY (consultation_id, number)
     ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX consultation_diseases_number ON consultation_diseases(list_version, number)`,
    `CREATE TABLE consultation_responders (
       consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
       staff_id TEXT NOT NULL REFERENCES staff(id),
       profession TEXT NOT NULL,
       PRIMARY KEY (consultation_id, staff_id)
     ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX consultation_responders_staff ON consultation_responders(staff_id)`,
    `CREATE TABLE consultation_versions (
       consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
       version INTEGER NOT NULL,
       changed_at TEXT NOT NULL,
       changed_by TEXT NOT NULL,
       snapshot TEXT NOT NULL,
       PRIMARY KEY (consultation_id, version)
     ) STRICT`,

    `CREATE TABLE follow_ups (
       id TEXT PRIMARY KEY,
       case_id TEXT REFERENCES cases(id),
       consultation_id TEXT REFERENCES consultations(id),
       person_id TEXT REFERENCES persons(id),
       title TEXT NOT NULL,
       due_date TEXT NOT NULL,
       owner_id TEXT NOT NULL REFERENCES staff(id),
       state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','done','cancelled')),
       note TEXT,
       completed_at TEXT,
       completed_by TEXT,
       created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
       version INTEGER NOT NULL DEFAULT 1
     ) STRICT`,
    `CREATE INDEX follow_ups_due ON follow_ups(state, due_date)`,
    `CREATE INDEX follow_ups_owner ON follow_ups(owner_id, state, due_date)`,
    `CREATE INDEX follow_ups_consultation ON follow_ups(consultation_id)`,
    `CREATE INDEX follow_ups_person ON follow_ups(person_id)`,

    `CREATE TABLE institutions (
       id TEXT PRIMARY KEY,
       type TEXT NOT NULL,
       name TEXT NOT NULL,
       name_kana TEXT,
       department TEXT,
       contact_person TEXT,
       honorific TEXT NOT NULL DEFAULT 'onchu' CHECK (honorific IN ('sama','onchu','sensei')),
       postal_code TEXT,
       address TEXT,
       phone TEXT,
       fax TEXT,
       email TEXT,
       municipality_code TEXT,
       covered_municipalities TEXT NOT NULL DEFAULT '[]',
       capabilities TEXT NOT NULL DEFAULT '[]',
       notes TEXT,
       active INTEGER NOT NULL DEFAULT 1,
       created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
       version INTEGER NOT NULL DEFAULT 1
     ) STRICT`,
    `CREATE INDEX institutions_type ON institutions(type, active)`,

    `CREATE TABLE master_nanbyo (
       list_version TEXT NOT NULL,
       number INTEGER NOT NULL,
       name_ja TEXT NOT NULL,
       groups TEXT NOT NULL,
       url TEXT NOT NULL,
       PRIMARY KEY (list_version, number)
     ) STRICT`,
    `CREATE TABLE master_municipalities (
       list_version TEXT NOT NULL,
       code TEXT NOT NULL,
       pref_code TEXT NOT NULL,
       pref_name TEXT NOT NULL,
       name TEXT NOT NULL,
       name_kana TEXT NOT NULL,
       PRIMARY KEY (list_version, code)
     ) STRICT`,

    `CREATE TABLE drafts (
       id TEXT PRIMARY KEY,
       staff_id TEXT NOT NULL REFERENCES staff(id),
       kind TEXT NOT NULL,
       data TEXT NOT NULL,
       updated_at TEXT NOT NULL
     ) STRICT`,

    // Sync: one row per change, written in the same transaction as the change.
    `CREATE TABLE op_log (
       origin TEXT NOT NULL,
       seq INTEGER NOT NULL,
       hlc TEXT NOT NULL,
       entity TEXT NOT NULL,
       entity_id TEXT NOT NULL,
       fields TEXT NOT NULL,
       prev TEXT NOT NULL DEFAULT '{}',
       staff_id TEXT,
       PRIMARY KEY (origin, seq)
     ) STRICT`,
    `CREATE INDEX op_log_entity ON op_log(entity, entity_id)`,
    `CREATE INDEX op_log_hlc ON op_log(hlc)`,
    // The HLC of the value each field of a row currently holds (last writer wins per field).
    `CREATE TABLE row_clocks (
       entity TEXT NOT NULL,
       entity_id TEXT NOT NULL,
       clocks TEXT NOT NULL,
       PRIMARY KEY (entity, entity_id)
     ) STRICT, WITHOUT ROWID`,

    // Search: folded text per consultation (names, kana, summary, response) and its trigram index.
    `CREATE TABLE search_docs (
       rowid INTEGER PRIMARY KEY,
       consultation_id TEXT NOT NULL UNIQUE REFERENCES consultations(id) ON DELETE CASCADE,
       text TEXT NOT NULL
     ) STRICT`,
    `CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_docs', content_rowid='rowid', tokenize='trigram')`,
    `CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
       INSERT INTO search_fts(rowid, text) VALUES (new.rowid, new.text);
     END`,
    `CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
       INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
     END`,
    `CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
       INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
       INSERT INTO search_fts(rowid, text) VALUES (new.rowid, new.text);
     END`,
  ]);
}
