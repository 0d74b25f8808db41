import type { DB } from '../schema';

/**
 * THE list of synced entities: what each is called in the op log, the table its rows live in,
 * which of its op fields are lists kept in child tables, which fields stay local, and how its
 * stamps look. The merge (db/sync/apply-op.ts, through db/sync/entities.ts), the record writers
 * (db/records/<entity>.ts) and the op log's entity type are all read from here, so an entity
 * added in one place is added everywhere.
 *
 * Which *columns* a device knows is read from its own schema (PRAGMA table_info), not listed
 * here: an op naming a column this device's schema lacks waits (sync_pending) until a
 * migration adds it; an entity whose table does not exist yet waits the same way.
 */
export interface EntitySpec {
  readonly table: keyof DB & string;
  /**
   * - `versioned`: created_at/by, updated_at/by and a version every local write moves (and the
   *   edit forms' stale-version check reads);
   * - `signed`: the four stamps, no version;
   * - `times`: created_at and updated_at only (staff: rows whose author is the setup itself).
   */
  readonly stamps: 'versioned' | 'signed' | 'times';
  /** op fields that are lists kept in child tables, not columns (one field each for the merge) */
  readonly lists?: readonly string[];
  /** columns each device derives from other fields: never in an op, rebuilt where they land */
  readonly derived?: readonly string[];
  /** fields an op may carry whose value stays local (its clock moves, the value is not written) */
  readonly localOnly?: readonly string[];
  /**
   * The search rows a write refreshes (the same rule as db/sync/derived-rows.ts for ops that
   * arrive): `document` — the row has a search document of its own; `names` — these fields
   * are part of the search documents of the rows citing it.
   */
  readonly search?: { readonly document?: true; readonly names?: readonly string[] };
}

export const ENTITIES = {
  person: {
    table: 'persons',
    stamps: 'versioned',
    // a person's folded name and kana (search_text) is derived where the row is written
    derived: ['search_text'],
    search: { names: ['name', 'name_kana'] },
  },
  consultation: {
    table: 'consultations',
    stamps: 'versioned',
    lists: ['categories', 'responses', 'diseases', 'responders'],
    search: { document: true },
  },
  case: { table: 'cases', stamps: 'versioned' },
  follow_up: { table: 'follow_ups', stamps: 'versioned' },
  institution: { table: 'institutions', stamps: 'versioned' },
  // a staff login belongs to this case file's key slots; another device's login could collide
  // with one here, so remote staff get a login that cannot unlock (remoteStaffLogin)
  staff: { table: 'staff', stamps: 'times', localOnly: ['login'] },
  event: { table: 'events', stamps: 'versioned' },
  activity: { table: 'activities', stamps: 'versioned' },
  coordination_request: { table: 'coordination_requests', stamps: 'versioned' },
  coordination_contact: { table: 'coordination_contacts', stamps: 'versioned' },
  // referrals, consent and letters (0006); the register, its files and exports are append-only
  referral: { table: 'referrals', stamps: 'versioned' },
  consent: { table: 'consents', stamps: 'versioned' },
  letter: { table: 'letters', stamps: 'versioned' },
  letter_file: { table: 'letter_files', stamps: 'versioned' },
  letter_export: { table: 'letter_exports', stamps: 'versioned' },
  // a person's decision on a conflict syncs like a record, so every device stops showing it
  sync_conflict: { table: 'sync_conflict_resolutions', stamps: 'signed' },
} as const satisfies Record<string, EntitySpec>;

/** The entities other devices must see. */
export type SyncedEntity = keyof typeof ENTITIES;

/** The table of each synced entity, by the entity's op-log name. */
export type EntityTable<E extends SyncedEntity> = (typeof ENTITIES)[E]['table'];

export const entitySpec = (entity: SyncedEntity): EntitySpec => ENTITIES[entity];

const each = <T>(pick: (s: EntitySpec) => T | undefined): Record<string, T> =>
  Object.fromEntries(
    Object.entries(ENTITIES as Record<string, EntitySpec>)
      .map(([e, s]) => [e, pick(s)] as const)
      .filter((x): x is readonly [string, T] => x[1] !== undefined),
  );

/** entity → table, for the merge. */
export const ENTITY_TABLES: Readonly<Record<string, string>> = each((s) => s.table);

/** Op fields that are lists kept in child tables, not columns. */
export const LIST_FIELDS: Readonly<Record<string, readonly string[]>> = each((s) => s.lists);

/**
 * Fields whose value an arriving op does not write: the derived ones (rebuilt by the merge's
 * derived rows) and the local ones. Their clock still moves, so row clocks agree everywhere.
 */
export const LOCAL_ONLY_FIELDS: Readonly<Record<string, readonly string[]>> = each((s) =>
  s.derived || s.localOnly ? [...(s.localOnly ?? []), ...(s.derived ?? [])] : undefined,
);
