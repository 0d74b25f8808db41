/**
 * The audit log as CSV for Excel in a Japanese office: UTF-8 with a BOM (without it Excel
 * reads Shift_JIS), CRLF, RFC 4180 quoting, and a cell that starts like a formula
 * (= + - @) prefixed with ' so a crafted value never runs as one.
 */
export const BOM = '\uFEFF';

export function csvField(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLines(rows: (string | number | null)[][]): string {
  return `${BOM}${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
