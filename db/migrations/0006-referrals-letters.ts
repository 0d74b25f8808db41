import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * FROZEN. Referrals, consent and letters (DOMAIN §5).
 *
 * - `referrals`: a consultation's referral to an institution of the directory, its state
 *   (依頼中 → 受理 / 辞退 → 完了, or 取消), the reply-due follow-up, and the recipient's reply (T5).
 * - `consents`: the person's consent to give named kinds of information to named recipients,
 *   how and when it was obtained and by whom, and its withdrawal.
 * - `letters`: the register of issued letters — who issued what to whom, when, which kinds of
 *   information, under which consent or under the emergency exception (生命・身体の保護) with its
 *   reason. `letter_files` holds the issued document itself (the HTML and the PDF as issued,
 *   base64 so an op can carry it to the center's other devices), apart from the register so a
 *   list never reads the documents.
 * - `letter_exports`: every copy that left the app besides the issue itself: a PDF saved to
 *   disk, a reprint, a printed provision log (提供記録).
 * - `letter_counters`: the document number per device and fiscal year (local, never synced:
 *   each device numbers its own letters, as consultation serials do).
 *
 * Every synced row carries created/updated by/at and a version. Register, files and exports are
 * append-only; referrals and consents change by state (LWW per field is enough for them).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `CREATE TABLE referrals (
       id TEXT PRIMARY KEY,
       consultation_id TEXT NOT NULL REFERENCES consultations(id),
       person_id TEXT NOT NULL REFERENCES persons(id),
       institution_id TEXT NOT NULL REFERENCES institutions(id),
       template TEXT NOT NULL CHECK (template IN ('t1','t2','t3','t4')),
       purpose TEXT,
       requested_on TEXT NOT NULL,
       reply_due_on TEXT,
       follow_up_id TEXT REFERENCES follow_ups(id),
       state TEXT NOT NULL DEFAULT 'requested'
         CHECK (state IN ('requested','accepted','declined','completed','cancelled')),
       state_changed_at TEXT,
       state_changed_by TEXT,
       state_note TEXT,
       reply_received_on TEXT,
       reply_decision TEXT CHECK (reply_decision IS NULL OR reply_decision IN ('accepted','declined')),
       reply_person TEXT,
       reply_action TEXT,
       reply_center_follow_up INTEGER CHECK (reply_center_follow_up IS NULL OR reply_center_follow_up IN (0,1)),
       reply_recorded_by TEXT,
       created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
       version INTEGER NOT NULL DEFAULT 1
     ) STRICT`,
    `CREATE INDEX referrals_person ON referrals(person_id, requested_on)`,
    `CREATE INDEX referrals_consultation ON referrals(consultation_id)`,
    `CREATE INDEX referrals_state ON referrals(state, reply_due_on)`,

    `CREATE TABLE consents (
       id TEXT PRIMARY KEY,
       person_id TEXT NOT NULL REFERENCES persons(id),
       referral_id TEXT REFERENCES referrals(id),
       recipient_ids TEXT NOT NULL DEFAULT '[]',
       data_items TEXT NOT NULL DEFAULT '[]',
       method TEXT NOT NULL CHECK (method IN ('verbal','written')),
       obtained_on TEXT NOT NULL,
       obtained_by TEXT NOT NULL REFERENCES staff(id),
       note TEXT,
       withdrawn_on TEXT,
       withdrawn_by TEXT,
       withdrawal_note TEXT,
       created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
       version INTEGER NOT NULL DEFAULT 1
     ) STRICT`,
    `CREATE INDEX consents_person ON consents(person_id, obtained_on)`,

    `CREATE TABLE letters (
       id TEXT PRIMARY KEY,
       referral_id TEXT NOT NULL REFERENCES referrals(id),
       person_id TEXT NOT NULL REFERENCES persons(id),
       institution_id TEXT NOT NULL REFERENCES institutions(id),
       template TEXT NOT NULL CHECK (template IN ('t1','t2','t3','t4','t5')),
       origin_device TEXT NOT NULL,
       fiscal_year INTEGER NOT NULL,
       seq INTEGER NOT NULL,
       document_number TEXT NOT NULL,
       issued_on TEXT NOT NULL,
       issued_by TEXT NOT NULL REFERENCES staff(id),
       addressee TEXT NOT NULL,
       title TEXT NOT NULL,
       data_items TEXT NOT NULL,
       consent_id TEXT REFERENCES consents(id),
       consent_line TEXT NOT NULL,
       override_reason TEXT,
       with_reply_form INTEGER NOT NULL DEFAULT 0 CHECK (with_reply_form IN (0,1)),
       fields TEXT NOT NULL,
       html_sha256 TEXT NOT NULL,
       pdf_sha256 TEXT NOT NULL,
       pdf_bytes INTEGER NOT NULL,
       created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
       version INTEGER NOT NULL DEFAULT 1,
       CHECK (consent_id IS NOT NULL OR (override_reason IS NOT NULL AND length(trim(override_reason)) > 0)),
       UNIQUE (origin_device, fiscal_year, seq)
     ) STRICT`,
    `CREATE INDEX letters_person ON letters(person_id, issued_on)`,
    `CREATE INDEX letters_referral ON letters(referral_id)`,
    `CREATE INDEX letters_issued ON letters(issued_on, id)`,

    `CREATE TABLE letter_files (
       id TEXT PRIMARY KEY REFERENCES letters(id),
       html TEXT NOT NULL,
       pdf_base64 TEXT NOT NULL,
       created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
       version INTEGER NOT NULL DEFAULT 1
     ) STRICT`,

    `CREATE TABLE letter_exports (
       id TEXT PRIMARY KEY,
       kind TEXT NOT NULL CHECK (kind IN ('pdf_file','reprint','provision_log')),
       letter_id TEXT REFERENCES letters(id),
       person_id TEXT NOT NULL REFERENCES persons(id),
       file_name TEXT,
       bytes INTEGER NOT NULL,
       sha256 TEXT NOT NULL,
       exported_at TEXT NOT NULL,
       exported_by TEXT NOT NULL REFERENCES staff(id),
       created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
       version INTEGER NOT NULL DEFAULT 1
     ) STRICT`,
    `CREATE INDEX letter_exports_person ON letter_exports(person_id, exported_at)`,
    `CREATE INDEX letter_exports_letter ON letter_exports(letter_id)`,

    `CREATE TABLE letter_counters (
       origin_device TEXT NOT NULL,
       fiscal_year INTEGER NOT NULL,
       last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
       PRIMARY KEY (origin_device, fiscal_year)
     ) STRICT, WITHOUT ROWID`,
  ]);
}
