// @vitest-environment jsdom
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSqliteBinding } from '../../db/sqlite/native-module';
import { App } from '../../renderer/app';
import { ja } from '../../shared/i18n/ja/core';
import { tempDir } from '../fixtures/temp-casefile';
import { inProcessApp } from './in-process-app';

let app: Awaited<ReturnType<typeof inProcessApp>>;
afterEach(async () => {
  useSqliteBinding(null);
  await app?.close();
});

describe('the first screen when the case file cannot be opened at all', () => {
  it('a SQLite module built for another Node/Electron: the window says what is wrong and what to do', async () => {
    const t = tempDir();
    try {
      // a real load failure: dlopen of a file that is not a native module for this process
      const broken = join(t.dir, 'better_sqlite3.node');
      writeFileSync(broken, 'built for another ABI');
      useSqliteBinding(broken);
      app = await inProcessApp({ login: false });
      render(<App />);
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toBe(ja.errors.NATIVE_MODULE);
      expect(alert.dataset.code).toBe('NATIVE_MODULE');
      // not the first-run form, where "create" would only end in an unexpected error
      expect(screen.queryByRole('textbox')).toBeNull();
    } finally {
      t.cleanup();
    }
  });
});
