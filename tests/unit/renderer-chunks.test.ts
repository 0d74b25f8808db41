import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';

/**
 * The app starts on the main renderer chunk; the charts library (recharts and its d3 parts,
 * a third of the renderer) is only loaded with the statistics screen. Built for real with the
 * project's vite config; the source maps say which modules each chunk holds.
 */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const root = join(__dirname, '../..');
let out = '';
let manifest: Record<string, ManifestChunk> = {};

/** The modules a built chunk was made from, from its source map. */
function sourcesOf(file: string): string[] {
  return (JSON.parse(readFileSync(join(out, `${file}.map`), 'utf8')) as { sources: string[] }).sources;
}

/** A chunk and every chunk it imports statically: what loads with it. */
function loadedWith(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const i of manifest[key]?.imports ?? []) loadedWith(i, seen);
  return seen;
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'yorisoi-chunks-'));
  await build({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: out, emptyOutDir: true, sourcemap: true, manifest: true },
  });
  manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8')) as typeof manifest;
}, 180_000);
afterAll(() => out && rmSync(out, { recursive: true, force: true }));

describe('renderer chunks', () => {
  it('the main chunk (and what it imports statically) holds no recharts; the statistics screen does', () => {
    const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
    expect(entry).toBeDefined();
    const atStart = [...loadedWith(entry!)].flatMap((k) => sourcesOf(manifest[k]!.file));
    expect(atStart.some((s) => s.includes('features/shell/app-shell'))).toBe(true);
    expect(atStart.filter((s) => /node_modules\/(recharts|d3-|victory-vendor)/.test(s))).toEqual([]);
    expect(atStart.some((s) => s.includes('features/reports/charts/'))).toBe(false);

    const reports = Object.keys(manifest).find((k) => k.endsWith('features/reports/reports-screen.tsx'));
    expect(reports, 'the statistics screen is a chunk of its own').toBeDefined();
    expect(manifest[reports!]!.isDynamicEntry).toBe(true);
    const withReports = [...loadedWith(reports!)].flatMap((k) => sourcesOf(manifest[k]!.file));
    expect(withReports.some((s) => s.includes('node_modules/recharts/'))).toBe(true);
  });
});
