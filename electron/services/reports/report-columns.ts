/**
 * Decoding of the report selection's columns (report-selection.ts). SQLite hands each column
 * over as ONE string — group_concat of every row's value, rows separated by U+001F — because
 * handing over 100,000 rows costs a JavaScript value per cell (≈1 s at 100,000 consultations
 * here), while one string per column costs next to nothing. The decoder walks the string once
 * and gives each row a dictionary code (the distinct values are few: methods, months, codes).
 */

/** Separates rows. */
export const ROW_SEP = '\u001f';
/**
 * Separates the values of one row in a many-valued column (categories, responses, …); the
 * lists the consultations keep for the report use it too (char(30), migration 0018-report-lists).
 */
export const ITEM_SEP = '\u001e';
/** A row's value that is SQL NULL. */
export const NULL_MARK = '\u001d';

const ROW = 0x1f;
const ITEM = 0x1e;
const NULL = 0x1d;

/** One value per row: `values[codes[row]]`; code 0 is null. */
export interface Column {
  codes: Int32Array;
  values: (string | null)[];
}

/** Several values per row, each once: row r has `codes[start[r]] … codes[start[r + 1] - 1]`. */
export interface MultiColumn {
  start: Int32Array;
  codes: Int32Array;
  values: string[];
}

/** Distinct values by a hash of their characters, checked in place (no string per piece). */
class Dictionary {
  readonly values: (string | null)[] = [null];
  readonly #byHash = new Map<number, number[]>();

  codeOf(s: string, from: number, to: number, hash: number): number {
    if (to - from === 1 && s.charCodeAt(from) === NULL) return 0;
    const candidates = this.#byHash.get(hash);
    if (candidates)
      for (const c of candidates) {
        const v = this.values[c]!;
        if (v.length === to - from && s.startsWith(v, from)) return c;
      }
    const code = this.values.push(s.slice(from, to)) - 1;
    if (candidates) candidates.push(code);
    else this.#byHash.set(hash, [code]);
    return code;
  }
}

function expectRows(found: number, rows: number): void {
  if (found !== rows) throw new Error(`report selection: a column has ${found} rows, not ${rows}`);
}

/**
 * A one-value-per-row column. Each row's piece is found with indexOf and looked up as a short
 * string: the engine's own search and string hash beat a character loop in JavaScript, most of
 * all in a report's first build, before that loop is optimised (issue 20).
 */
export function decodeColumn(s: string | null, rows: number): Column {
  const codes = new Int32Array(rows);
  const values: (string | null)[] = [null];
  if (rows === 0) return { codes, values };
  const text = s ?? '';
  const index = new Map<string, number>([[NULL_MARK, 0]]);
  let row = 0;
  let from = 0;
  for (;;) {
    let end = text.indexOf(ROW_SEP, from);
    const last = end < 0;
    if (last) end = text.length;
    if (row < rows) {
      const piece = text.slice(from, end);
      let code = index.get(piece);
      if (code === undefined) index.set(piece, (code = values.push(piece) - 1));
      codes[row] = code;
    }
    row++;
    if (last) break;
    from = end + 1;
  }
  expectRows(row, rows);
  return { codes, values };
}

/** A column of values separated by ITEM_SEP within each row; a value twice in a row counts once. */
export function decodeMultiColumn(s: string | null, rows: number): MultiColumn {
  const start = new Int32Array(rows + 1);
  const codes: number[] = [];
  const dict = new Dictionary();
  if (rows === 0) return { start, codes: new Int32Array(0), values: [] };
  const text = s ?? '';
  let row = 0;
  let from = 0;
  let hash = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text.charCodeAt(i) : ROW;
    if (ch === ROW || ch === ITEM) {
      // a row without values is one NULL_MARK (or empty); dictionary code 0 is that null
      const code = i > from ? dict.codeOf(text, from, i, hash) - 1 : -1;
      if (code >= 0) {
        let seen = false;
        for (let k = start[row]!; k < codes.length; k++) if (codes[k] === code) seen = true;
        if (!seen) codes.push(code);
      }
      if (ch === ROW) {
        row++;
        if (row <= rows) start[row] = codes.length;
      }
      from = i + 1;
      hash = 0;
    } else hash = (Math.imul(hash, 31) + ch) | 0;
  }
  expectRows(row, rows);
  return { start, codes: Int32Array.from(codes), values: dict.values.slice(1) as string[] };
}

/** An integer column; NULL → NaN. */
export function decodeNumbers(s: string | null, rows: number): Float64Array {
  const out = new Float64Array(rows);
  if (rows === 0) return out;
  const text = s ?? '';
  let row = 0;
  let value = 0;
  let sign = 1;
  let isNull = false;
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text.charCodeAt(i) : ROW;
    if (ch === ROW) {
      if (row < rows) out[row] = isNull ? NaN : sign * value;
      row++;
      value = 0;
      sign = 1;
      isNull = false;
    } else if (ch === NULL) isNull = true;
    else if (ch === 0x2d) sign = -1;
    else if (ch >= 0x30 && ch <= 0x39) value = value * 10 + (ch - 0x30);
    else throw new Error('report selection: not an integer');
  }
  expectRows(row, rows);
  return out;
}

/** Where each row's piece starts (and, at [rows], the end + 1), for comparing pieces in place. */
export function pieceStarts(s: string | null, rows: number): Int32Array {
  const start = new Int32Array(rows + 1);
  const text = s ?? '';
  let row = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === ROW) start[++row] = i + 1;
  if (rows > 0) start[rows] = text.length + 1;
  expectRows(rows === 0 ? 0 : row + 1, rows);
  return start;
}

/** Compares pieces a and b of `s` as SQLite compares text (code units; these are ASCII). */
export function comparePieces(s: string, start: Int32Array, a: number, b: number): number {
  const [ea, eb] = [start[a + 1]! - 1, start[b + 1]! - 1];
  let i = start[a]!;
  let j = start[b]!;
  for (; i < ea && j < eb; i++, j++) {
    const d = s.charCodeAt(i) - s.charCodeAt(j);
    if (d) return d;
  }
  return ea - i - (eb - j);
}
