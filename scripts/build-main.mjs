// Bundles the Electron main process, the preload and the CLI with esbuild.
// Native and Electron modules stay external (electron-builder rebuilds the native one).
import { build } from 'esbuild';

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
  outfile: 'dist/electron/main.cjs',
  format: 'cjs',
});
await build({
  ...common,
  entryPoints: ['electron/shell/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  format: 'cjs',
});
await build({
  ...common,
  entryPoints: ['electron/cli/main.ts'],
  outfile: 'dist/cli/main.mjs',
  format: 'esm',
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
});
