/**
 * Excel refuses sheet names over 31 characters, with any of [ ] : * ? / \, starting or ending
 * with an apostrophe, or equal (ignoring case) to another sheet's. Names come from the
 * resources, which already follow this; the guard keeps a translation from breaking a file.
 */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, '・')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}
