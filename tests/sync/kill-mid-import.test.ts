import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { CaseFile } from '../../db/case-file';
import { seedDemo } from '../../electron/demo/seed-demo';
import { ADMIN } from '../fixtures/temp-casefile';
import { dumpAll, exportTo, makeDevice, pair, type Device } from './sync-helpers';

const require = createRequire(import.meta.url);
let devices: Device[] = [];
afterEach(async () => {
  for (const d of devices) await d.close().catch(() => undefined);
  devices = [];
});

it('SIGKILL in the middle of a bundle import: the file opens intact, nothing of the bundle applied, the import then succeeds', async () => {
  const a = await makeDevice('センターA');
  const b = await makeDevice('センターB');
  devices = [a, b];
  await pair(a, b);
  await seedDemo(a.ctx, { seed: 8, consultations: 1200, addStaff: false });
  const bundle = await exportTo(a, b);
  const casefile = b.fx.runtime.casefile;
  const before = await dumpAll(b.db);
  await b.fx.runtime.lock();

  const child = spawn(
    process.execPath,
    [
      '--import',
      require.resolve('tsx'),
      join(__dirname, '../fixtures/import-child.ts'),
      casefile,
      ADMIN.login,
      ADMIN.passphrase,
      bundle,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: process.env },
  );
  const seen: string[] = [];
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        seen.push(line);
        if (line.startsWith('mid-import')) child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited: ${seen.join(' | ')}`)),
    );
  });
  expect(seen.some((l) => /^mid-import \d+$/.test(l))).toBe(true);
  expect(seen).not.toContain('finished');

  const cf = await CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: ADMIN.passphrase });
  try {
    expect((await cf.integrityCheck()).ok).toBe(true);
    expect(cf.verifyAuditChain().ok).toBe(true);
  } finally {
    await cf.lock();
  }
  const ctx = await b.fx.as(ADMIN.login);
  expect(await dumpAll(ctx.db)).toEqual(before);
  // nothing half-applied means a second try applies everything
  const r = await b.call('sync.importBundle', { path: bundle });
  expect(r.received).toBeGreaterThan(1000);
  expect(r.applied).toBe(r.received);
  const n = await ctx.db
    .selectFrom('consultations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  expect(Number(n.n)).toBe(1200);
}, 120_000);
