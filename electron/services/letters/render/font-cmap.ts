/**
 * The characters a TrueType/OpenType font has glyphs for, read from its `cmap` table (formats 4
 * and 12, the Unicode subtables every CJK font carries). Tells which characters the big
 * Japanese face covers, so only the rest need another slice.
 */
export function fontCodePoints(sfnt: Buffer): Set<number> {
  const numTables = sfnt.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (sfnt.toString('ascii', rec, rec + 4) === 'cmap') cmap = sfnt.readUInt32BE(rec + 8);
  }
  if (cmap < 0) throw new Error('font has no cmap table');
  const subtables = sfnt.readUInt16BE(cmap + 2);
  let f4 = -1;
  let f12 = -1;
  for (let i = 0; i < subtables; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = sfnt.readUInt16BE(rec);
    const encoding = sfnt.readUInt16BE(rec + 2);
    const at = cmap + sfnt.readUInt32BE(rec + 4);
    const format = sfnt.readUInt16BE(at);
    if (format === 12 && (platform === 0 || (platform === 3 && encoding === 10))) f12 = at;
    if (format === 4 && (platform === 0 || (platform === 3 && encoding === 1))) f4 = at;
  }
  const out = new Set<number>();
  if (f12 >= 0) {
    const groups = sfnt.readUInt32BE(f12 + 12);
    for (let g = 0; g < groups; g++) {
      const at = f12 + 16 + g * 12;
      const start = sfnt.readUInt32BE(at);
      const end = sfnt.readUInt32BE(at + 4);
      const glyph = sfnt.readUInt32BE(at + 8);
      for (let cp = start; cp <= end; cp++) if (glyph + (cp - start) !== 0) out.add(cp);
    }
    return out;
  }
  if (f4 < 0) throw new Error('font has no Unicode cmap subtable');
  const segX2 = sfnt.readUInt16BE(f4 + 6);
  const ends = f4 + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const offsets = deltas + segX2;
  for (let s = 0; s < segX2; s += 2) {
    const end = sfnt.readUInt16BE(ends + s);
    const start = sfnt.readUInt16BE(starts + s);
    const delta = sfnt.readInt16BE(deltas + s);
    const rangeOffset = sfnt.readUInt16BE(offsets + s);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const g = sfnt.readUInt16BE(offsets + s + rangeOffset + (cp - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(cp);
    }
  }
  return out;
}
