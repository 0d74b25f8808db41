import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The lint rule of issue 19: a use case writes through db/records or db/stores, never kysely or raw SQL. */
const root = join(__dirname, '../..');
const PROBE = `import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
export async function probe(db: Kysely<DB>) {
  await db.updateTable('persons').set({ name: 'x' }).execute();
  await sql\`DELETE FROM meta WHERE key = \${'k'}\`.execute(db);
  return sql\`SELECT updated_at FROM persons\`.execute(db);
}
`;

async function problems(file: string): Promise<string[]> {
  const [r] = await new ESLint({ cwd: root }).lintText(PROBE, { filePath: join(root, file) });
  return r!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => `${m.line}: ${m.message}`);
}

describe('services write only through db/records and db/stores', () => {
  it('a kysely write or a raw SQL write in a use case is a lint error; a read is not', async () => {
    expect(await problems('electron/services/persons/probe.ts')).toEqual([
      '4: services write through db/records or db/stores, not kysely directly',
      '5: services write through db/records or db/stores, not raw SQL',
    ]);
  }, 60_000);

  it('db/ may write (that is where the writers live)', async () => {
    expect(await problems('db/records/probe.ts')).toEqual([]);
  }, 60_000);
});
