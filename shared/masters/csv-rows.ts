// Minimal CSV reader for our master lists: no quoting (the sources have none), so a quote
// means a format we don't understand and is rejected rather than misread.

export interface CsvRow {
  line: number; // 1-based line number in the source text
  fields: string[];
}

/** A line-numbered Error, for per-field checks in the parsers. */
export function csvError(source: string, line: number, why: string): Error {
  return new Error(`${source} line ${line}: ${why}`);
}

/** Splits text into rows after checking the header; throws an Error naming the line. */
export function readCsvRows(text: string, header: readonly string[], source: string): CsvRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop(); // trailing newline
  const fail = (line: number, why: string): never => {
    throw csvError(source, line, why);
  };
  if (lines[0] !== header.join(',')) fail(1, `expected header "${header.join(',')}"`);
  return lines.slice(1).map((text, i) => {
    const line = i + 2;
    if (text.includes('"')) fail(line, 'quoted fields are not supported');
    const fields = text.split(',');
    if (fields.length !== header.length) fail(line, `expected ${header.length} fields, got ${fields.length}`);
    if (fields.some((f) => f.trim() === '')) fail(line, 'empty field');
    return { line, fields };
  });
}
