// Writes dist/THIRD_PARTY_NOTICES.txt: every production dependency the installer ships, with
// its version, licence and licence text (from node_modules, as installed). Run by `npm run dist`
// before electron-builder, which bundles the file (electron-builder.yml extraResources) next to
// NOTICE.md (the data sources). Electron's and Chromium's own licences are added by
// electron-builder itself (LICENSE.electron.txt, LICENSES.chromium.html).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function productionPackages(lock) {
  return Object.entries(lock.packages)
    .filter(([path, p]) => path.startsWith('node_modules/') && !p.dev && !p.optional)
    .map(([path, p]) => ({
      path,
      name: path.slice(path.lastIndexOf('node_modules/') + 13),
      version: p.version,
      license: p.license,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path));
}

function licenceText(dir) {
  if (!existsSync(dir)) return null;
  const f = readdirSync(dir).find((n) => /^(licen[cs]e|copying|notice)(\.|$)/i.test(n));
  return f ? readFileSync(join(dir, f), 'utf8').trim() : null;
}

export function renderNotices(lock, base = root) {
  const out = [
    'Yorisoi — third-party software / サードパーティ ソフトウェア',
    'Data sources and their licences: see NOTICE.md. / データの出典は NOTICE.md を参照。',
    '',
  ];
  for (const p of productionPackages(lock)) {
    out.push('='.repeat(78), `${p.name} ${p.version}  (${p.license ?? 'see text'})`, '-'.repeat(78));
    out.push(
      licenceText(join(base, p.path)) ??
        `Licence: ${p.license ?? 'unknown'} (no licence file in the package)`,
      '',
    );
  }
  return `${out.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist/THIRD_PARTY_NOTICES.txt'), renderNotices(lock));
  console.log(`dist/THIRD_PARTY_NOTICES.txt: ${productionPackages(lock).length} packages`);
}
