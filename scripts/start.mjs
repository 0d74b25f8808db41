// `npm start`: the Electron app where an Electron binary is present (fetching it once if the
// network allows, and building the SQLite module for Electron's ABI), otherwise browser mode on
// 127.0.0.1 opened in the default browser. The steps: scripts/start/flow.mjs.
import { fileURLToPath } from 'node:url';
import { runStart } from './start/flow.mjs';

process.exitCode = await runStart({ root: fileURLToPath(new URL('..', import.meta.url)) });
