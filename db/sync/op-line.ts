import { z } from 'zod';
import type { OpLogTable } from '../schema';

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Field maps are checked by hand inside zod: a 40-field consultation op through z.record costs
 * ≈12 µs, a sixth of what a whole import spends per op.
 */
const fieldMap = z.custom<Record<string, unknown>>(isObject, 'expected an object of fields');
const clockMap = z.custom<Record<string, string | null>>(
  (v) => isObject(v) && Object.values(v).every((c) => c === null || typeof c === 'string'),
  'expected an object of clocks',
);

/** One op as a line of a bundle body (NDJSON). Names are spelled out so an auditor can read it. */
export const opLine = z.object({
  origin: z.string().min(1).max(100),
  seq: z.number().int().positive(),
  hlc: z.string().regex(/^\d{13}-\d{4}-.{1,100}$/),
  entity: z.string().regex(/^[a-z_]{1,40}$/),
  entityId: z.string().min(1).max(100),
  // field names reach SQL only when this device's schema has a column of that name
  fields: fieldMap,
  prev: clockMap,
  staffId: z.string().max(100).nullable(),
});
export type OpLine = z.infer<typeof opLine>;

/**
 * The line for an op_log row. `fields` and `prev` are stored as JSON text and go out as they
 * are, so a full export never parses them (100,000 ops stream without building objects).
 */
export function opRowToLine(r: OpLogTable, fieldsJson = r.fields, prevJson = r.prev): string {
  return (
    `{"origin":${JSON.stringify(r.origin)},"seq":${r.seq},"hlc":${JSON.stringify(r.hlc)},` +
    `"entity":${JSON.stringify(r.entity)},"entityId":${JSON.stringify(r.entity_id)},` +
    `"fields":${fieldsJson},"prev":${prevJson},"staffId":${JSON.stringify(r.staff_id)}}\n`
  );
}

export function lineToOpRow(op: OpLine): OpLogTable {
  return {
    origin: op.origin,
    seq: op.seq,
    hlc: op.hlc,
    entity: op.entity,
    entity_id: op.entityId,
    fields: JSON.stringify(op.fields),
    prev: JSON.stringify(op.prev),
    staff_id: op.staffId,
  };
}
