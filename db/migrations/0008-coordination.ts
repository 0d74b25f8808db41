import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * FROZEN. Admission and respite coordination (入院・レスパイト調整, seed 埼玉県難病医療提供体制整備
 * 事業実施要綱 第6条・第10条): a request to find a hospital bed for a person, linked to the
 * consultation it came from, and the log of every hospital asked and its answer.
 *
 * Depends only on 0001–0005 (persons, consultations, staff, institutions, follow_ups); it
 * runs after 0006 and 0007 wherever those exist.
 *
 * Both tables sync (entities coordination_request, coordination_contact). The merge applies
 * fields one by one (last writer wins per field), so the database checks only what holds for
 * every field on its own: states and answers from fixed lists, 0/1 flags. Rules that tie
 * fields together (an accepted request names its hospital, a refusal has a reason, a
 * 検討中 answer a call-back time) are the use cases' to keep, and every op that writes one of
 * those fields writes the whole group. Vocabulary codes that may grow (kind, reasons, needs)
 * are not CHECKed here either: a newer device's code must not stop an import.
 *
 * Free text (reason_note, needs_note, end_note, refusal_note, note) is nullable: a
 * `statistics` op leaves it out, and the receiving row must still be valid.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `CREATE TABLE coordination_requests (
       id TEXT PRIMARY KEY,
       person_id TEXT NOT NULL REFERENCES persons(id),
       consultation_id TEXT NOT NULL REFERENCES consultations(id),
       kind TEXT NOT NULL,
       reason TEXT NOT NULL,
       reason_note TEXT,
       requested_on TEXT NOT NULL,
       wanted_from TEXT NOT NULL,
       wanted_to TEXT,
       ventilator TEXT NOT NULL DEFAULT 'none',
       suction TEXT NOT NULL DEFAULT 'none',
       gastrostomy INTEGER NOT NULL DEFAULT 0 CHECK (gastrostomy IN (0,1)),
       care_level TEXT NOT NULL DEFAULT 'low',
       needs_note TEXT,
       urgency TEXT NOT NULL,
       owner_id TEXT NOT NULL REFERENCES staff(id),
       consent_method TEXT,
       consent_date TEXT,
       consent_by TEXT REFERENCES staff(id),
       consent_withdrawn_on TEXT,
       state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','accepted','withdrawn','failed')),
       accepted_institution_id TEXT REFERENCES institutions(id),
       accepted_from TEXT,
       accepted_to TEXT,
       ended_on TEXT,
       ended_by TEXT REFERENCES staff(id),
       end_note TEXT,
       created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
       version INTEGER NOT NULL DEFAULT 1
     ) STRICT`,
    `CREATE INDEX coordination_requests_board ON coordination_requests(state, wanted_from)`,
    `CREATE INDEX coordination_requests_person ON coordination_requests(person_id)`,
    `CREATE INDEX coordination_requests_requested ON coordination_requests(requested_on)`,

    `CREATE TABLE coordination_contacts (
       id TEXT PRIMARY KEY,
       request_id TEXT NOT NULL REFERENCES coordination_requests(id),
       institution_id TEXT NOT NULL REFERENCES institutions(id),
       contacted_at TEXT NOT NULL,
       contacted_by TEXT NOT NULL REFERENCES staff(id),
       answer TEXT NOT NULL CHECK (answer IN ('accepted','refused','pending')),
       refusal_reason TEXT,
       refusal_note TEXT,
       call_back_at TEXT,
       follow_up_id TEXT REFERENCES follow_ups(id),
       note TEXT,
       created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
       version INTEGER NOT NULL DEFAULT 1
     ) STRICT`,
    `CREATE INDEX coordination_contacts_request ON coordination_contacts(request_id, contacted_at)`,
    `CREATE INDEX coordination_contacts_institution ON coordination_contacts(institution_id, request_id)`,
    `CREATE INDEX coordination_contacts_follow_up ON coordination_contacts(follow_up_id) WHERE follow_up_id IS NOT NULL`,
  ]);
}
