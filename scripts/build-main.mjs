// Bundles the Electron main process, the preload and the CLI with esbuild.
// Native and Electron modules stay external (electron-builder rebuilds the native one).
// `--outdir DIR` writes elsewhere than dist/ (the tests build their own copy).
import { build } from 'esbuild';
import { join } from 'node:path';

const at = process.argv.indexOf('--outdir');
const outdir = at > 0 && process.argv[at + 1] ? process.argv[at + 1] : 'dist';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // the font tools load their WebAssembly and the font files from their packages at run time
  external: [
    'electron',
    'better-sqlite3-multiple-ciphers',
    'playwright-core',
    'subset-font',
    'fontverter',
    '@fontsource/biz-udmincho',
  ],
  logLevel: 'info',
};

await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: join(outdir, 'electron/main.cjs'),
  format: 'cjs',
});
await build({
  ...common,
  entryPoints: ['electron/shell/preload.ts'],
  outfile: join(outdir, 'electron/preload.cjs'),
  format: 'cjs',
});
await build({
  ...common,
  entryPoints: ['electron/cli/main.ts'],
  outfile: join(outdir, 'cli/main.mjs'),
  format: 'esm',
  // an ES module has no `require`; the bundled CommonJS packages need one. The names are our
  // own: esbuild does not see the banner, so a bundled module's own `createRequire` import
  // (letter-font.ts has one) would otherwise be declared twice.
  banner: {
    js: "import { createRequire as __yorisoiCreateRequire } from 'node:module'; const require = __yorisoiCreateRequire(import.meta.url);",
  },
});
