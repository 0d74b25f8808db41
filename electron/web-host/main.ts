// Browser mode entry (`npm run start:web`): the app on 127.0.0.1 for Chromium.
import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeApp } from '../app/compose';
import { defaultCaseFilePath } from '../app/paths';
import { startWebHost } from './web-host';

const casefile = defaultCaseFilePath();
mkdirSync(dirname(casefile), { recursive: true });
const here = dirname(fileURLToPath(import.meta.url));
const staticDir = [join(here, '../../dist/renderer'), join(here, '../renderer')].find((d) =>
  existsSync(join(d, 'index.html')),
);
const { runtime, dispatcher } = composeApp({ casefile });
const port = Number(process.env.YORISOI_PORT ?? 0) || undefined;
const host = await startWebHost({ dispatcher, staticDir, port });

console.log(`よりそい (browser mode) — case file: ${casefile}`);
console.log(`Open / 開く: ${host.openUrl}`);
if (!staticDir) console.log('(renderer not built: run `npm run build:renderer`)');

const stop = async () => {
  await runtime.lock(); // close the case file and wipe the key before exit
  await host.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
