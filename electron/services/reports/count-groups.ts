import type { MultiColumn } from './report-columns';
import { CONTINUITY_CONTINUING, CONTINUITY_NEW, type ColumnName, type Selection } from './report-selection';
import { NOT_RECORDED, TOTAL } from './report-table';

/**
 * Counting over the report's selection (report-selection.ts), in JavaScript: each count is one
 * loop over the selection's rows (or a many-valued column's values) with one byte per person
 * per key — a few milliseconds at 100,000 consultations, where a GROUP BY with
 * count(DISTINCT person) took 60–120 ms.
 */
export interface Counts {
  /** 延件数: one per row counted (a consultation, or a consultation's category, …) */
  visits: number;
  /** 実人数 */
  persons: number;
  /** the sums of BASE (consultation counts only) */
  extra: Record<BaseSum, number>;
}

/**
 * Sums every consultation count carries: new / continuing (t01) and 新規実人数 (persons with a
 * 新規 consultation: first seen), durations (t07).
 */
export type BaseSum = 'new' | 'continuing' | 'newPersons' | 'recorded' | 'minutes' | 'over30' | 'over60';

const noSums = (): Record<BaseSum, number> => ({
  new: 0,
  continuing: 0,
  newPersons: 0,
  recorded: 0,
  minutes: 0,
  over30: 0,
  over60: 0,
});

export const ZERO: Counts = { visits: 0, persons: 0, extra: noSums() };

/**
 * The tallies of one count: per key index, 延件数, the BASE sums, and the persons as one byte
 * per person number (a key's marks are made when the key is first met), so a person is
 * counted once per key without a Set.
 */
class Tallies {
  readonly visits: number[] = [];
  readonly persons: number[] = [];
  readonly sums: Record<BaseSum, number>[] = [];
  readonly #marks: Uint8Array[] = [];
  /** persons counted in newPersons, per key */
  readonly #newMarks: Uint8Array[] = [];
  constructor(
    readonly keys: readonly string[],
    readonly sel: Selection,
  ) {}

  /** counts one row (or one value of a row) under key index k; `sums` adds the BASE sums */
  add(k: number, row: number, sums: boolean): void {
    let marks = this.#marks[k];
    if (!marks) {
      this.#marks[k] = marks = new Uint8Array(this.sel.persons);
      this.visits[k] = 0;
      this.persons[k] = 0;
      this.sums[k] = noSums();
    }
    this.visits[k]!++;
    const p = this.sel.pid[row]!;
    if (!marks[p]) {
      marks[p] = 1;
      this.persons[k]!++;
    }
    if (!sums) return;
    const t = this.sums[k]!;
    const continuity = this.sel.continuity[row];
    if (continuity === CONTINUITY_NEW) {
      t.new++;
      const seen = (this.#newMarks[k] ??= new Uint8Array(this.sel.persons));
      if (!seen[p]) {
        seen[p] = 1;
        t.newPersons++;
      }
    } else if (continuity === CONTINUITY_CONTINUING) t.continuing++;
    const d = this.sel.duration[row]!;
    if (d === d) {
      // not NaN: a recorded duration
      t.recorded++;
      t.minutes += d;
      if (d > 30) t.over30++;
      if (d > 60) t.over60++;
    }
  }

  result(): Map<string, Counts> {
    const m = new Map<string, Counts>();
    this.#marks.forEach((_, k) =>
      m.set(this.keys[k]!, { visits: this.visits[k]!, persons: this.persons[k]!, extra: this.sums[k]! }),
    );
    return m;
  }
}

/** Interns keys as small integers. */
class KeyIndex {
  readonly keys: string[] = [];
  readonly #index = new Map<string, number>();
  of(key: string): number {
    let k = this.#index.get(key);
    if (k === undefined) this.#index.set(key, (k = this.keys.push(key) - 1));
    return k;
  }
}

/** The value of a one-value column at a row. */
export function valueAt(sel: Selection, column: ColumnName, row: number): string | null {
  const c = sel.col[column];
  return c.values[c.codes[row]!]!;
}

/** Up to this many combinations of codes, rowKeys looks them up in a typed array. */
const COMBO_TABLE_MAX = 1 << 20;

/** Each row's key as an index into `keys`; -1 leaves the row out. */
export interface RowKeys {
  keys: string[];
  of: Int32Array;
}

/**
 * Each consultation's key (null → NOT_RECORDED; undefined leaves the row out): a function of
 * the values of `columns`, asked once per combination of values present, not once per row;
 * `where` narrows the rows.
 */
export function rowKeys(
  sel: Selection,
  columns: readonly ColumnName[],
  key: (...values: (string | null)[]) => string | null | undefined,
  where?: (row: number) => boolean,
): RowKeys {
  const cols = columns.map((c) => sel.col[c]);
  const index = new KeyIndex();
  const of = new Int32Array(sel.size);
  // combination of dictionary codes → 0 not asked yet, 1 row left out, else key index + 2; in a
  // typed array when the combinations are few (they are: codes of a few columns), else a map
  const combos = cols.reduce((n, c) => n * c.values.length, 1);
  const table = combos <= COMBO_TABLE_MAX ? new Int32Array(combos) : null;
  const seen = new Map<number, number>();
  const codes = cols.map((c) => c.codes);
  const sizes = cols.map((c) => c.values.length);
  const n = cols.length;
  for (let i = 0; i < sel.size; i++) {
    if (where && !where(i)) {
      of[i] = -1;
      continue;
    }
    let combo = 0;
    for (let j = 0; j < n; j++) combo = combo * sizes[j]! + codes[j]![i]!;
    let v = table ? table[combo]! : (seen.get(combo) ?? 0);
    if (v === 0) {
      const value = key(...cols.map((c) => c.values[c.codes[i]!]!));
      v = value === undefined ? 1 : index.of(value ?? NOT_RECORDED) + 2;
      if (table) table[combo] = v;
      else seen.set(combo, v);
    }
    of[i] = v - 2;
  }
  return { keys: index.keys, of };
}

/** Consultations per key (see rowKeys), with the BASE sums. */
export function countBy(
  sel: Selection,
  columns: readonly ColumnName[],
  key: (...values: (string | null)[]) => string | null | undefined,
  where?: (row: number) => boolean,
): Map<string, Counts> {
  const { keys, of } = rowKeys(sel, columns, key, where);
  const t = new Tallies(keys, sel);
  for (let i = 0; i < sel.size; i++) if (of[i]! >= 0) t.add(of[i]!, i, true);
  return t.result();
}

/** Consultations per value of one column (null → NOT_RECORDED). */
export function countByColumn(sel: Selection, column: ColumnName, where?: (row: number) => boolean) {
  return countBy(sel, [column], (v) => v, where);
}

/** Consultations that pass `where` (all by default): persons counted once overall. */
export function countAll(sel: Selection, where?: (row: number) => boolean): Counts {
  const t = new Tallies([TOTAL], sel);
  for (let i = 0; i < sel.size; i++) if (!where || where(i)) t.add(0, i, true);
  return t.result().get(TOTAL) ?? ZERO;
}

/**
 * The values of a many-valued column, one per value (a consultation with three categories:
 * three), per `key` of the value (default the value itself), for rows that pass `where`.
 */
export function countValues(
  sel: Selection,
  column: MultiColumn,
  key: (value: string) => string = (v) => v,
  where?: (row: number) => boolean,
): Map<string, Counts> {
  const index = new KeyIndex();
  const keyOfCode = Int32Array.from(column.values, (v) => index.of(key(v)));
  const t = new Tallies(index.keys, sel);
  for (let i = 0; i < sel.size; i++) {
    if (where && !where(i)) continue;
    for (let k = column.start[i]!; k < column.start[i + 1]!; k++)
      t.add(keyOfCode[column.codes[k]!]!, i, false);
  }
  return t.result();
}

/** All values of a many-valued column: visits = values, persons = persons with any. */
export function countAllValues(sel: Selection, column: MultiColumn): Counts {
  let visits = 0;
  const marks = new Uint8Array(sel.persons);
  let persons = 0;
  for (let i = 0; i < sel.size; i++) {
    const n = column.start[i + 1]! - column.start[i]!;
    if (!n) continue;
    visits += n;
    const p = sel.pid[i]!;
    if (!marks[p]) [marks[p], persons] = [1, persons + 1];
  }
  return { visits, persons, extra: noSums() };
}

/** Whether a row has a value of a many-valued column among `values`. */
export function hasValue(column: MultiColumn, values: readonly string[]): (row: number) => boolean {
  const wanted = Uint8Array.from(column.values, (v) => (values.includes(v) ? 1 : 0));
  return (i) => {
    for (let k = column.start[i]!; k < column.start[i + 1]!; k++) if (wanted[column.codes[k]!]) return true;
    return false;
  };
}

export function get(m: Map<string, Counts>, key: string): Counts {
  return m.get(key) ?? ZERO;
}

export function sumVisits(m: Map<string, Counts>): number {
  let n = 0;
  for (const c of m.values()) n += c.visits;
  return n;
}
