import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontverter from 'fontverter';
import subsetFont from 'subset-font';
import { fontCodePoints } from './font-cmap';

/**
 * The letter font: BIZ UDMincho (Morisawa, SIL OFL 1.1, from @fontsource/biz-udmincho), shipped
 * with the app so a letter looks the same on every PC. A letter embeds a subset holding exactly
 * the characters it uses, as a data URL: the HTML is self-contained (the preview iframe, both
 * printers and the stored copy need nothing else) and small.
 *
 * The package has one large "japanese" face (kana, JIS kanji, ASCII) and the whole font again in
 * slices with unicode ranges. The large face serves almost every character; a character it lacks
 * (a rare kanji in a name) comes from its slice, as an extra face with that slice's range.
 */
export const LETTER_FONT_FAMILY = 'Yorisoi Letter';
const PACKAGE = '@fontsource/biz-udmincho';
const WEIGHTS = [400, 700] as const;

interface Slice {
  file: string;
  ranges: [number, number][];
  unicodeRange: string;
}

// CJS bundles have `require`; ESM (tsx, tests) makes one
const req = typeof require === 'function' ? require : createRequire(import.meta.url);
let packageDir: string | null = null;
const dir = () => (packageDir ??= dirname(req.resolve(`${PACKAGE}/package.json`)));

function parseRanges(s: string): [number, number][] {
  return s.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const lo = parseInt(a!, 16);
    return [lo, b ? parseInt(b, 16) : lo];
  });
}

const slicesByWeight = new Map<number, Slice[]>();
function slices(weight: number): Slice[] {
  let list = slicesByWeight.get(weight);
  if (!list) {
    const css = readFileSync(join(dir(), `${weight}.css`), 'utf8');
    list = [...css.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)[^;]*;\s*unicode-range:\s*([^;]+);/g)].map(
      (m) => ({
        file: m[1]!.replace(/\.woff2$/, '.woff'),
        unicodeRange: m[2]!.trim(),
        ranges: parseRanges(m[2]!),
      }),
    );
    if (list.length === 0) throw new Error(`no font slices found in ${PACKAGE}/${weight}.css`);
    slicesByWeight.set(weight, list);
  }
  return list;
}

// HarfBuzz (WebAssembly) is not safe to interleave: every font operation runs in this queue.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

const decoded = new Map<string, Buffer>();
async function sfnt(file: string): Promise<Buffer> {
  let b = decoded.get(file);
  if (!b) {
    // the WOFF files (zlib, decoded in JavaScript), not the WOFF2 ones: the WOFF2 decoder is
    // WebAssembly that checks its input against the global Uint8Array, which is not always Node's
    b = Buffer.from(await fontverter.convert(readFileSync(join(dir(), 'files', file)), 'sfnt'));
    decoded.set(file, b);
  }
  return b;
}

const mainCoverage = new Map<number, Set<number>>();
async function mainFace(weight: number): Promise<{ font: Buffer; covers: Set<number> }> {
  const font = await sfnt(`biz-udmincho-japanese-${weight}-normal.woff`);
  let covers = mainCoverage.get(weight);
  if (!covers) {
    covers = fontCodePoints(font);
    mainCoverage.set(weight, covers);
  }
  return { font, covers };
}

const inRanges = (cp: number, ranges: [number, number][]) => ranges.some(([a, b]) => cp >= a && cp <= b);

const face = (weight: number, font: Buffer, range?: string) =>
  `@font-face{font-family:'${LETTER_FONT_FAMILY}';font-style:normal;font-weight:${weight};` +
  `src:url(data:font/ttf;base64,${font.toString('base64')}) format('truetype')` +
  (range ? `;unicode-range:${range}}` : '}');

/** @font-face rules for exactly the characters of `text`, both weights. */
export function letterFontCss(text: string): Promise<string> {
  return serial(async () => {
    const codePoints = [...new Set([...text].map((c) => c.codePointAt(0)!))].filter((cp) => cp >= 0x20);
    const rules: string[] = [];
    for (const weight of WEIGHTS) {
      const main = await mainFace(weight);
      const extra = new Map<Slice, string[]>();
      const own: string[] = [];
      for (const cp of codePoints) {
        if (main.covers.has(cp)) {
          own.push(String.fromCodePoint(cp));
          continue;
        }
        const slice = slices(weight).find((s) => inRanges(cp, s.ranges));
        if (!slice) continue; // not in the font at all: the browser falls back for it
        extra.set(slice, [...(extra.get(slice) ?? []), String.fromCodePoint(cp)]);
      }
      // truetype, not woff: compressing costs more time than the preview can spare
      rules.push(face(weight, await subsetFont(main.font, own.join(''), { targetFormat: 'truetype' })));
      // the extra faces come after: for characters in their ranges the browser tries them first
      for (const [slice, chars] of extra) {
        const font = await subsetFont(await sfnt(slice.file), chars.join(''), { targetFormat: 'truetype' });
        rules.push(face(weight, font, slice.unicodeRange));
      }
    }
    return rules.join('\n');
  });
}
