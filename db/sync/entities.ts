/**
 * What the merge knows about each synced entity. Which *columns* a device knows is read from
 * its own schema (PRAGMA table_info), not listed here: an op naming a column this device's
 * schema lacks was written by a newer app and waits (sync_pending) until a migration adds it.
 * An entity whose table does not exist yet (e.g. `event` before 0003) waits the same way.
 */
export const ENTITY_TABLES: Readonly<Record<string, string>> = {
  person: 'persons',
  consultation: 'consultations',
  case: 'cases',
  follow_up: 'follow_ups',
  institution: 'institutions',
  staff: 'staff',
  event: 'events',
  activity: 'activities',
  coordination_request: 'coordination_requests',
  coordination_contact: 'coordination_contacts',
  // referrals, consent and letters (0006); the register, its files and exports are append-only
  referral: 'referrals',
  consent: 'consents',
  letter: 'letters',
  letter_file: 'letter_files',
  letter_export: 'letter_exports',
  // a person's decision on a conflict syncs like a record, so every device stops showing it
  sync_conflict: 'sync_conflict_resolutions',
};

/** Op fields that are lists kept in child tables, not columns. */
export const LIST_FIELDS: Readonly<Record<string, readonly string[]>> = {
  consultation: ['categories', 'responses', 'diseases', 'responders'],
};

/**
 * Fields whose value stays local: their clock moves (so row clocks agree on every device) but
 * the value is not written. A staff login belongs to this case file's key slots; another
 * device's login could collide with one here, so remote staff get a login that cannot unlock.
 */
export const LOCAL_ONLY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  staff: ['login'],
  person: ['search_text'],
};

/** Bookkeeping every op writes: never a conflict for a person to review. */
export const STAMP_FIELDS: ReadonlySet<string> = new Set([
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'version',
]);

/** Entities whose concurrent edits are settled by last-writer-wins alone. */
export const NO_CONFLICT_ENTITIES: ReadonlySet<string> = new Set(['sync_conflict']);

/** The login given to a staff row that came from another device (no key slot can match it). */
export const remoteStaffLogin = (staffId: string) => `~${staffId}`;

export function tableOf(entity: string): string | null {
  return Object.prototype.hasOwnProperty.call(ENTITY_TABLES, entity) ? ENTITY_TABLES[entity]! : null;
}

/** Ops carrying these fields create their row (every service puts created_at in a creation op). */
export const isCreation = (fields: Record<string, unknown>) => 'created_at' in fields;
