import { describe, expect, it } from 'vitest';
import {
  comparePieces,
  decodeColumn,
  decodeMultiColumn,
  decodeNumbers,
  ITEM_SEP as I,
  NULL_MARK as N,
  pieceStarts,
  ROW_SEP as R,
} from '../../electron/services/reports/report-columns';

const valuesOf = (c: { codes: Int32Array; values: (string | null)[] }) =>
  [...c.codes].map((k) => c.values[k]);
const rowsOf = (m: { start: Int32Array; codes: Int32Array; values: string[] }) =>
  Array.from({ length: m.start.length - 1 }, (_, r) =>
    [...m.codes.subarray(m.start[r], m.start[r + 1])].map((k) => m.values[k]),
  );

describe('report selection columns (one string per column from SQLite)', () => {
  it('gives each row its value, NULL as null and an empty value as empty, one string per distinct value', () => {
    const c = decodeColumn(['phone', N, 'email', '', 'phone', 'phone'].join(R), 6);
    expect(valuesOf(c)).toEqual(['phone', null, 'email', '', 'phone', 'phone']);
    expect(c.values).toEqual([null, 'phone', 'email', '']); // 'phone' once
  });

  it('tells apart values whose hashes collide', () => {
    // 'Aa' and 'BB' have the same 31-based hash (65·31+97 = 66·31+66)
    const c = decodeColumn(['Aa', 'BB', 'Aa', 'BB'].join(R), 4);
    expect(valuesOf(c)).toEqual(['Aa', 'BB', 'Aa', 'BB']);
    expect(c.values).toHaveLength(3);
  });

  it('no rows: SQLite returns NULL for the whole column', () => {
    expect(decodeColumn(null, 0).codes).toHaveLength(0);
    expect(decodeMultiColumn(null, 0).start).toEqual(new Int32Array([0]));
    expect(decodeNumbers(null, 0)).toHaveLength(0);
    expect(pieceStarts(null, 0)).toEqual(new Int32Array([0]));
  });

  it('a one-row column with an empty value is one row, not none', () => {
    expect(valuesOf(decodeColumn('', 1))).toEqual(['']);
  });

  it('many values per row, each once in its row (two nurses: one 看護師); no values as NULL', () => {
    const m = decodeMultiColumn(['nurse' + I + 'nurse' + I + 'peer', N, 'peer', ''].join(R), 4);
    expect(rowsOf(m)).toEqual([['nurse', 'peer'], [], ['peer'], []]);
    expect(m.values).toEqual(['nurse', 'peer']);
  });

  it('integers, negative ones (a consultation without a person) and NULL', () => {
    expect([...decodeNumbers(['12', '-7', N, '0'].join(R), 4)]).toEqual([12, -7, NaN, 0]);
    expect(() => decodeNumbers('1x', 1)).toThrow(/integer/);
  });

  it('refuses a column whose row count is not the selection size (rows would be misaligned)', () => {
    expect(() => decodeColumn(['a', 'b'].join(R), 3)).toThrow(/rows/);
    expect(() => decodeMultiColumn(['a', 'b', 'c'].join(R), 2)).toThrow(/rows/);
    expect(() => decodeNumbers('1', 2)).toThrow(/rows/);
  });

  it('compares pieces in place as SQLite compares text (a longer piece with the same start is greater)', () => {
    const s = ['2025-04-01T09:00b', '2025-04-01T09:00a', '2025-04-01T09:00', '2025-03-31T23:59z'].join(R);
    const st = pieceStarts(s, 4);
    expect(comparePieces(s, st, 0, 1)).toBeGreaterThan(0);
    expect(comparePieces(s, st, 1, 2)).toBeGreaterThan(0);
    expect(comparePieces(s, st, 2, 3)).toBeGreaterThan(0);
    expect(comparePieces(s, st, 3, 3)).toBe(0);
    expect(comparePieces(s, st, 2, 0)).toBeLessThan(0);
  });
});
