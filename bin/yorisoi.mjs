#!/usr/bin/env node
// The `yorisoi` command. In a development checkout (the TypeScript source and tsx present) it
// runs the source through tsx, so what was edited is what runs and an old `dist/` never stands
// in for it; elsewhere the built CLI (`npm run build:main` → dist/cli/main.mjs).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = new URL('../electron/cli/main.ts', import.meta.url);
const built = fileURLToPath(new URL('../dist/cli/main.mjs', import.meta.url));

function tsxApi() {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return null;
  }
}

const tsx = existsSync(fileURLToPath(source)) ? tsxApi() : null;
if (tsx) {
  const { register } = await import(tsx);
  register();
  await import(source.href);
} else if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  process.stderr.write('INTERNAL: the CLI is not built: run `npm run build:main`.\n');
  process.exitCode = 1;
}
