import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from '../../../db/audit';
import type { DB } from '../../../db/schema';
import { letterhead as letterheadSchema, type Letterhead } from '../../../shared/contract/letters';
import { requirePermission, type ServiceContext } from '../context';

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

export async function setLetterhead(ctx: ServiceContext, input: Letterhead): Promise<Letterhead> {
  requirePermission(ctx, 'letter.settings');
  const value = JSON.stringify(input);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('meta')
      .values({ key: KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    await writeAudit(trx, { staffId: ctx.actor.id, login: ctx.actor.login, action: 'letter.letterhead.set' });
  });
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
  await setLetterhead(ctx, { centerName: null, email: null, documentSymbol: null, ...contact }).catch(
    () => undefined,
  );
}
