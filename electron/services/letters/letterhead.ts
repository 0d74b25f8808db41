import type { Kysely, Transaction } from 'kysely';
import { writeMeta } from '../../../db/stores/meta';
import type { DB } from '../../../db/schema';
import { letterhead as letterheadSchema, type Letterhead } from '../../../shared/contract/letters';
import { CHANNEL_POLICY } from '../../../shared/channel-access';
import type { ServiceContext } from '../context';
import { runUseCase, type WriteUnit } from '../unit-of-work';

type Db = Kysely<DB> | Transaction<DB>;
const KEY = 'letterhead';

/**
 * The sender block every letter prints: the center's address, phone, FAX, mail, and the
 * document symbol before 第…号. Kept in this device's meta (each device may use its own symbol).
 */
export async function readLetterhead(db: Db): Promise<Letterhead> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', KEY).executeTakeFirst();
  return letterheadSchema.parse(row ? JSON.parse(row.value) : {});
}

export async function setLetterhead(ctx: WriteUnit, input: Letterhead): Promise<Letterhead> {
  await writeMeta(ctx.db, KEY, JSON.stringify(input));
  return readLetterhead(ctx.db);
}

/**
 * First run: the return address the administrator gave, as the letterhead. The case file and
 * its recovery code exist by now, and the code must reach the screen: should this write fail,
 * the letterhead stays empty (the letters screen asks for it again) rather than the code being lost.
 */
export async function setupLetterhead(
  ctx: ServiceContext,
  contact: Pick<Letterhead, 'postalCode' | 'address' | 'phone' | 'fax'>,
): Promise<void> {
  if (!Object.values(contact).some(Boolean)) return;
  const input = { centerName: null, email: null, documentSymbol: null, ...contact };
  // as the letterhead.set channel would (its permission, its audit entry)
  await runUseCase(ctx, CHANNEL_POLICY['letter.letterhead.set'], (u) =>
    setLetterhead(u as WriteUnit, input),
  ).catch(() => undefined);
}
