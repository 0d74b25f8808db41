import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, ja } from '../../shared/i18n';
import { ERROR_CODES } from '../../shared/errors';

function flatten(o: object, prefix = ''): Record<string, unknown> {
  return Object.entries(o).reduce<Record<string, unknown>>((acc, [k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return v && typeof v === 'object' ? { ...acc, ...flatten(v, key) } : { ...acc, [key]: v };
  }, {});
}

describe('i18n resources', () => {
  const fja = flatten(ja);
  const fen = flatten(en);
  it('ja and en have exactly the same keys', () => {
    expect(Object.keys(fen).sort()).toEqual(Object.keys(fja).sort());
  });
  it('no value is empty', () => {
    for (const [k, v] of [...Object.entries(fja), ...Object.entries(fen)]) {
      expect(typeof v === 'string' && v.trim().length > 0, k).toBe(true);
    }
  });
  it('every error code has a translated message', () => {
    for (const code of ERROR_CODES) expect(fja[`errors.${code}`], code).toBeTruthy();
  });
});

describe('i18n area files', () => {
  // index.ts spreads the area files into one object: an area reusing another's top-level key
  // would silently replace that area's whole subtree
  it('each top-level key belongs to one area file only', async () => {
    for (const lang of ['ja', 'en'] as const) {
      const dir = join(__dirname, '../../shared/i18n', lang);
      const owner = new Map<string, string>();
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
        const mod = (await import(join(dir, file))) as Record<string, Record<string, unknown>>;
        for (const key of Object.keys(mod[lang] ?? {})) {
          expect(owner.get(key), `${lang}/${file} reuses "${key}" of ${owner.get(key)}`).toBeUndefined();
          owner.set(key, file);
        }
      }
      expect(owner.size).toBeGreaterThan(5);
    }
  });
});
