import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_EXAMPLE } from '../../electron/cli/commands/intake-commands';
import { runCli } from '../../electron/cli/run-cli';
import { AppError } from '../../shared/errors';
import { tempDir } from '../fixtures/temp-casefile';
import { writeFileSync } from 'node:fs';

const PASS = 'cli sync passphrase 長い';

async function cli(...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  await runCli(argv, (l) => lines.push(l));
  return lines;
}

/** The documented CLI flow between an office PC and the prefecture, end to end. */
describe('sync from the command line', () => {
  const { dir, cleanup } = tempDir();
  const office = join(dir, 'office.yorisoi');
  const pref = join(dir, 'pref.yorisoi');
  const as = (casefile: string) => ['--casefile', casefile, '--login', 'admin'];
  let prefId = '';
  let officeId = '';

  beforeAll(async () => {
    process.env.YORISOI_PASSPHRASE = PASS;
    await cli('init', '--casefile', office, '--center', '北センター', '--login', 'admin', '--name', '管理者');
    await cli('init', '--casefile', pref, '--center', '県', '--login', 'admin', '--name', '県担当');
    await cli('sync', 'mode', ...as(pref), 'prefecture');
  });
  afterAll(() => {
    delete process.env.YORISOI_PASSPHRASE;
    cleanup();
  });

  it('identity export writes the card and prints the fingerprint', async () => {
    const out = await cli('identity', 'export', ...as(pref), '--out', join(dir, 'pref.card'));
    expect(out[1]).toMatch(/^fingerprint: [A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    await cli('identity', 'export', ...as(office), '--out', join(dir, 'office.card'));
    const printed = await cli('identity', 'export', ...as(office));
    officeId = JSON.parse(printed.slice(0, -1).join('\n')).deviceId;
  });

  it('peer add pairs from a card (the prefecture gets statistics by default)', async () => {
    const out = await cli('peer', 'add', ...as(office), '--card', join(dir, 'pref.card'));
    expect(out[0]).toMatch(/^paired: \S+\t県\tprofile=statistics$/);
    prefId = out[0]!.split('\t')[0]!.replace('paired: ', '');
    await cli('peer', 'add', ...as(pref), '--card', join(dir, 'office.card'), '--label', 'north');
  });

  it('bundle export / import and receipt export / import move the records and the acknowledgement', async () => {
    const input = join(dir, 'in.json');
    writeFileSync(input, JSON.stringify([INTAKE_EXAMPLE, INTAKE_EXAMPLE]));
    await cli('intake', 'add', ...as(office), '--json', input);
    const bundle = join(dir, 'to-pref.age');
    const exported = await cli('bundle', 'export', ...as(office), '--to', prefId, '--out', bundle);
    expect(exported[1]).toMatch(/^ops: \d+\tbytes: \d+\tprofile: statistics\tto: /);
    const imported = await cli('bundle', 'import', ...as(pref), bundle);
    expect(imported[0]).toBe(`from: ${officeId}\t北センター`);
    expect(imported[1]).toMatch(/applied: [1-9]\d*\tduplicates: 0/);
    const summary = await cli('sync', 'summary', ...as(pref), '--fiscal-year', '2025');
    expect(summary).toContain('2025\t北センター\t2\t2');
    const receipt = join(dir, 'to-office.age');
    await cli('receipt', 'export', ...as(pref), '--to', 'north', '--out', receipt);
    expect(await cli('receipt', 'import', ...as(office), receipt)).toEqual([
      `from: ${prefId}\t県`,
      'still waiting for this peer: 0',
    ]);
    const queue = await cli('peer', 'list', ...as(office));
    expect(queue[1]).toMatch(/\tstatistics\tactive\twaiting=0\t/);
  });

  it('a bad file fails with its code', async () => {
    const bogus = join(dir, 'bogus.age');
    writeFileSync(bogus, 'not a bundle');
    await expect(cli('bundle', 'import', ...as(pref), bogus)).rejects.toMatchObject({
      code: 'BUNDLE_CORRUPT',
    });
    await expect(cli('bundle', 'import', ...as(pref))).rejects.toBeInstanceOf(AppError);
  });
});
