import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultDataDir } from '../../electron/app/paths';
// @ts-expect-error: a plain .mjs script without types
import { productionPackages, renderNotices } from '../../scripts/third-party-notices.mjs';

const root = join(__dirname, '../..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, any>;

function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('names the app and loads the bundled main process', () => {
    expect(config.appId).toBe('jp.yorisoi.app');
    expect(config.productName).toBe('Yorisoi');
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**']));
    expect(config.directories.buildResources).toBe('build');
  });

  it('development runs use the installed app’s folder (and the CLI’s): package.json names the product', () => {
    expect(pkg.productName).toBe(config.productName);
    expect(basename(defaultDataDir())).toBe(pkg.productName);
  });

  it('the npm that skips Electron’s download script (allowScripts) is required, and the docs use it', () => {
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.engines.npm).toBe('>=11.17');
    // npm refuses --allow-scripts in a project install: no documented step may use it
    const docs = readFileSync(join(root, 'docs/packaging.md'), 'utf8');
    expect(docs).not.toMatch(/^npm (ci|install)[^\n]*--allow-scripts/m);
    expect(docs).toMatch(/^npm ci\b/m);
  });

  it('Windows: an NSIS installer per user, without administrator rights', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false });
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false); // the case file survives an uninstall
    expect(config.win.icon).toBe('build/icon.ico');
  });

  it('Linux: AppImage and deb', () => {
    expect(config.linux.target.map((t: { target: string }) => t.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux.icon).toBe('build/icons');
  });

  it('the native SQLite module is rebuilt for Electron and loaded from outside the archive', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/*.node', 'node_modules/better-sqlite3-multiple-ciphers/**']),
    );
    expect(pkg.dependencies['better-sqlite3-multiple-ciphers']).toBeDefined();
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.scripts.dist).toMatch(
      /third-party-notices\.mjs.*electron-builder.*--config electron-builder\.yml/,
    );
  });

  it('ships the data sources, their attributions and every licence', () => {
    const shipped = config.extraResources.map((r: { from: string }) => r.from);
    expect(shipped).toEqual(
      expect.arrayContaining([
        'shared/masters/data',
        'NOTICE.md',
        'dist/THIRD_PARTY_NOTICES.txt',
        'docs/security.md',
      ]),
    );
    for (const f of [
      'shared/masters/data/ATTRIBUTION.md',
      'NOTICE.md',
      'docs/security.md',
      'docs/permissions.md',
    ]) {
      expect(existsSync(join(root, f)), f).toBe(true);
    }
    expect(readFileSync(join(root, 'NOTICE.md'), 'utf8')).toMatch(/CC-BY-4\.0/);
  });

  it('the icons exist: an SVG source, PNGs for Linux, a multi-size ICO for Windows', () => {
    expect(readFileSync(join(root, 'build/icon.svg'), 'utf8')).toMatch(/^<svg/);
    for (const s of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(join(root, `build/icons/${s}x${s}.png`))).toEqual([s, s]);
    }
    expect(pngSize(join(root, 'build/icon.png'))).toEqual([512, 512]);
    const ico = readFileSync(join(root, 'build/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const n = ico.readUInt16LE(4);
    const widths = Array.from({ length: n }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });
});

describe('third-party notices', () => {
  it('list every production dependency with its licence text, and no dev tools', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    const names = productionPackages(lock).map((p: { name: string }) => p.name);
    for (const dep of Object.keys(pkg.dependencies)) expect(names).toContain(dep);
    expect(names).not.toContain('vitest');
    expect(names).not.toContain('electron');
    const text = renderNotices(lock) as string;
    expect(text).toMatch(/kysely \S+ {2}\(MIT\)\n-+\n(The )?MIT License/);
  });
});
