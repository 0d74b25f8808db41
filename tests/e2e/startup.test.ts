import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useSqliteBinding } from '../../db/sqlite/native-module';
import { ja } from '../../shared/i18n/ja/core';
import { startApp } from './harness';

let app: Awaited<ReturnType<typeof startApp>> | null = null;
afterAll(async () => {
  useSqliteBinding(null);
  await app?.close();
});

describe('first screen in Chromium', () => {
  it('a SQLite module that cannot load: the window explains it instead of a form that would fail', async () => {
    app = await startApp();
    const broken = join(app.dir, 'better_sqlite3.node');
    writeFileSync(broken, 'built for another ABI');
    useSqliteBinding(broken); // what a module built for the wrong Node/Electron does at dlopen
    await app.page.goto(app.host.openUrl);
    const alert = app.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(ja.errors.NATIVE_MODULE);
    expect(await app.page.getByRole('textbox').count()).toBe(0);
    await app.shot('startup-native-module');
  });
});
