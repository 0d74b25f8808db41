import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, watch } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ADMIN, newCaseFile, tempDir } from '../fixtures/temp-casefile';

const require = createRequire(import.meta.url);
let cleanup = () => {};
afterEach(() => cleanup());

/**
 * SQLite writes sorts, groupings and temporary tables that outgrow the page cache to files in
 * SQLITE_TMPDIR (/var/tmp by default) — unencrypted, created and unlinked at once, so they are
 * seen by watching the folder, not by listing it afterwards. With temp_store=MEMORY on every
 * connection, none appear.
 */
it('sorting and grouping audit entries under a small cache writes no temporary file', async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const { casefile, caseFile } = await newCaseFile(t.dir);
  await caseFile.lock();
  const tmp = join(t.dir, 'sqlite-tmp');
  mkdirSync(tmp);
  const appeared = new Set<string>();
  const watcher = watch(tmp, (_event, name) => {
    if (name) appeared.add(String(name));
  });
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        require.resolve('tsx'),
        join(__dirname, '../fixtures/temp-spill-child.ts'),
        casefile,
        ADMIN.login,
        ADMIN.passphrase,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, SQLITE_TMPDIR: tmp } },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}`))));
  });
  await new Promise((r) => setTimeout(r, 200)); // the last inotify events
  watcher.close();
  expect([...appeared]).toEqual([]);
  expect(readdirSync(tmp)).toEqual([]);
  expect(output).toContain('temp_store 2');
}, 60_000);
