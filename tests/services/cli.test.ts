import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseFile } from '../../db/case-file';
import { SCHEMA_VERSION } from '../../db/migrations';
import { INTAKE_EXAMPLE } from '../../electron/cli/commands/intake-commands';
import { runCli } from '../../electron/cli/run-cli';
import { CHANNELS } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { tempDir } from '../fixtures/temp-casefile';

const run = promisify(execFile);
const PASS = 'cli test passphrase 長い';

async function cli(...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  await runCli(argv, (l) => lines.push(l));
  return lines;
}

describe('CLI', () => {
  let dir = '';
  let cleanup = () => {};
  let casefile = '';
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    casefile = join(dir, 'c.yorisoi');
    process.env.YORISOI_PASSPHRASE = PASS;
    const out = await cli(
      'init',
      '--casefile',
      casefile,
      '--center',
      'テストセンター',
      '--login',
      'admin',
      '--name',
      '管理者',
      '--prefecture',
      '11',
    );
    expect(out.join('\n')).toMatch(/([0-9A-Z]{4}-){7}[0-9A-Z]{4}/);
  });
  afterAll(() => {
    delete process.env.YORISOI_PASSPHRASE;
    cleanup();
  });

  it('verify prints the integrity result and schema version', async () => {
    expect(await cli('verify', '--casefile', casefile, '--login', 'admin')).toEqual([
      'integrity: ok',
      `schema version: ${SCHEMA_VERSION}`,
    ]);
  });

  it('intake example is valid input; intake add records it (and an array) and prints ids', async () => {
    const example = JSON.parse((await cli('intake', 'example')).join('\n'));
    expect(CHANNELS['consultation.record'].input.safeParse(example).success).toBe(true);
    const file = join(dir, 'in.json');
    writeFileSync(
      file,
      JSON.stringify([
        INTAKE_EXAMPLE,
        { ...INTAKE_EXAMPLE, person: { mode: 'anonymous' }, summary: '二件目の相談' },
      ]),
    );
    const ids = await cli('intake', 'add', '--casefile', casefile, '--login', 'admin', '--json', file);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const listed = JSON.parse(
      (
        await cli('intake', 'list', '--casefile', casefile, '--login', 'admin', '--query', 'やまだ', '--json')
      ).join('\n'),
    );
    expect(listed.total).toBe(1);
    expect(listed.rows[0].personName).toBe('山田 太郎');
  });

  it('intake add: a later 継続 consultation of the person joins the open case (no second case), dated by the consultation', async () => {
    const first = join(dir, 'first.json');
    writeFileSync(
      first,
      JSON.stringify({
        ...INTAKE_EXAMPLE,
        receivedAt: '2025-03-31T17:00',
        person: { mode: 'new', data: { name: '継続 花子', municipalityCode: '111074' } },
        outcome: 'continuing',
      }),
    );
    const [firstId] = await cli('intake', 'add', '--casefile', casefile, '--login', 'admin', '--json', first);
    const listed = JSON.parse(
      (
        await cli(
          'intake',
          'list',
          '--casefile',
          casefile,
          '--login',
          'admin',
          '--query',
          '継続 花子',
          '--json',
        )
      ).join('\n'),
    );
    const personId = listed.rows[0].personId as string;
    const second = join(dir, 'second.json');
    writeFileSync(
      second,
      JSON.stringify([
        {
          ...INTAKE_EXAMPLE,
          receivedAt: '2025-05-01T10:00',
          person: { mode: 'existing', personId },
          outcome: 'continuing',
        },
        {
          ...INTAKE_EXAMPLE,
          receivedAt: '2025-06-01T10:00',
          person: { mode: 'existing', personId },
          outcome: 'closed',
        },
      ]),
    );
    const ids = await cli('intake', 'add', '--casefile', casefile, '--login', 'admin', '--json', second);
    const cf = await CaseFile.unlock({ casefile, login: 'admin', passphrase: PASS });
    try {
      const rows = await cf.db
        .selectFrom('consultations')
        .select(['id', 'case_id', 'continuity', 'health_center_id', 'residence'])
        .where('id', 'in', [firstId!, ...ids])
        .orderBy('received_at')
        .execute();
      expect(rows.map((r) => r.case_id)).toEqual([rows[0]!.case_id, rows[0]!.case_id, rows[0]!.case_id]);
      expect(rows.map((r) => r.continuity)).toEqual(['new', 'continuing', 'continuing']);
      const cases = await cf.db
        .selectFrom('cases')
        .select('opened_at')
        .where('person_id', '=', personId)
        .execute();
      expect(cases).toHaveLength(1);
      const opened = new Date(cases[0]!.opened_at); // the consultation's day, in the old fiscal year
      expect([opened.getFullYear(), opened.getMonth() + 1, opened.getDate()]).toEqual([2025, 3, 31]);
      expect(
        await cf.db.selectFrom('meta').select('value').where('key', '=', 'center_prefecture').execute(),
      ).toEqual([{ value: '11' }]);
    } finally {
      await cf.lock();
    }
  });

  it('intake add with bad JSON input fails with INVALID_INPUT naming the field, and records nothing', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...INTAKE_EXAMPLE, method: 'pigeon' }));
    const before = JSON.parse(
      (await cli('intake', 'list', '--casefile', casefile, '--login', 'admin', '--json')).join('\n'),
    ).total;
    await expect(
      cli('intake', 'add', '--casefile', casefile, '--login', 'admin', '--json', file),
    ).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'INVALID_INPUT' && e.message.includes('method'),
    );
    const after = JSON.parse(
      (await cli('intake', 'list', '--casefile', casefile, '--login', 'admin', '--json')).join('\n'),
    ).total;
    expect(after).toBe(before);
  });

  it('intake schema is the JSON Schema of the input', async () => {
    const schema = JSON.parse((await cli('intake', 'schema')).join('\n'));
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['receivedAt', 'method', 'consulter']));
    expect(schema.properties.method.enum).toContain('phone');
  });

  it('followups due lists the buckets as JSON', async () => {
    const r = JSON.parse(
      (
        await cli('followups', 'due', '--casefile', casefile, '--login', 'admin', '--scope', 'all', '--json')
      ).join('\n'),
    );
    expect(Object.keys(r).sort()).toEqual(['overdue', 'thisWeek', 'today']);
  });

  it('the yorisoi bin exits non-zero with one line on stderr for a wrong passphrase', async () => {
    const bin = join(process.cwd(), 'bin/yorisoi.mjs');
    const err = await run(process.execPath, [bin, 'verify', '--casefile', casefile, '--login', 'admin'], {
      env: { ...process.env, YORISOI_PASSPHRASE: 'not the passphrase' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in err && err.code).toBe(1);
    expect((err as { stderr: string }).stderr.trim().split('\n')).toEqual([
      'WRONG_PASSPHRASE: The passphrase is not correct.',
    ]);
  });
});
