import { ENTITY_TABLES } from '../records/registry';

/**
 * What the merge knows about each synced entity. The entity list itself (tables, list fields,
 * local fields) is the one registry in db/records/registry.ts, re-exported here for the merge.
 */
export { ENTITY_TABLES, LIST_FIELDS, LOCAL_ONLY_FIELDS } from '../records/registry';

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
