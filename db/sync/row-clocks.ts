/**
 * The clocks of a row's fields (last writer wins per field), stored compactly (issue 17): one
 * clock for the row, under the key `*` — the clock of the op that created it — plus the fields
 * whose clock differs. A consultation that was recorded and never edited keeps one clock
 * (≈60 bytes) instead of one per field (≈45 × 60). A field without an entry of its own holds
 * the row's clock: it was written when the row was made (or, for a column added later, before
 * anything else could have written it — every later edit of the row orders after the row's
 * clock, so the two readings never differ for the merge).
 *
 * The text is canonical: the row clock first, then the other fields by name, so every device
 * holding the same clocks stores the same bytes. Rows written before the compact form (a plain
 * map, no `*`) are read as they are.
 */
export interface RowClocks {
  /** the row's clock: every field without its own entry holds it (null: none yet) */
  base: string | null;
  /** fields whose clock differs from the row's */
  fields: Map<string, string>;
}

export const ROW_KEY = '*';

export function emptyClocks(): RowClocks {
  return { base: null, fields: new Map() };
}

export function decodeClocks(text: string | null | undefined): RowClocks {
  if (!text) return emptyClocks();
  const raw = JSON.parse(text) as Record<string, string>;
  const fields = new Map<string, string>();
  let base: string | null = null;
  for (const [k, v] of Object.entries(raw)) {
    if (k === ROW_KEY) base = v;
    else fields.set(k, v);
  }
  return { base, fields };
}

/** The clock of the value a field holds (null: never written). */
export function clockOf(c: RowClocks, field: string): string | null {
  return c.fields.get(field) ?? c.base;
}

/** The latest clock anywhere in the row. */
export function maxClock(c: RowClocks): string | null {
  let max = c.base;
  for (const v of c.fields.values()) if (max === null || v > max) max = v;
  return max;
}

/**
 * Sets fields' clocks. The first clock a row gets becomes its row clock; so does a later
 * creation of the same row (two devices recording one conflict decision, whose id is the
 * conflict's), so both devices end with the same text whichever creation came first.
 */
export function setClocks(c: RowClocks, fields: Iterable<string>, hlc: string, creation = false): void {
  if (c.base === null || (creation && hlc > c.base)) {
    c.base = hlc;
    for (const f of fields) c.fields.delete(f);
    for (const [f, v] of c.fields) if (v === hlc) c.fields.delete(f);
    return;
  }
  for (const f of fields) {
    if (hlc === c.base) c.fields.delete(f);
    else c.fields.set(f, hlc);
  }
}

export function encodeClocks(c: RowClocks): string {
  const out: Record<string, string> = {};
  if (c.base !== null) out[ROW_KEY] = c.base;
  for (const k of [...c.fields.keys()].sort()) out[k] = c.fields.get(k)!;
  return JSON.stringify(out);
}

/** Every field with its clock (the row clock as `*`), for a snapshot of the row. */
export function clocksObject(c: RowClocks): Record<string, string> {
  return JSON.parse(encodeClocks(c)) as Record<string, string>;
}
