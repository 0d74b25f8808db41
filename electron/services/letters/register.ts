import { writeAudit } from '../../../db/audit';
import type { LetterEntry } from '../../../shared/contract/letters';
import { requirePermission, type ServiceContext } from '../context';
import { selectLetters, toLetterEntry } from './letter-entry';

/** The register of issued letters, newest first; opening it is logged. */
export async function listRegister(
  ctx: ServiceContext,
  f: { personId?: string | undefined; referralId?: string | undefined; limit: number; offset: number },
): Promise<{ total: number; rows: LetterEntry[] }> {
  requirePermission(ctx, 'letter.view');
  let q = selectLetters(ctx.db);
  let count = ctx.db.selectFrom('letters as l');
  if (f.personId) {
    q = q.where('l.person_id', '=', f.personId);
    count = count.where('l.person_id', '=', f.personId);
  }
  if (f.referralId) {
    q = q.where('l.referral_id', '=', f.referralId);
    count = count.where('l.referral_id', '=', f.referralId);
  }
  const total = await count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  await writeAudit(ctx.db, {
    staffId: ctx.actor.id,
    login: ctx.actor.login,
    action: 'letter.register.view',
    detail: { personId: f.personId ?? null, referralId: f.referralId ?? null },
  });
  return { total: Number(total.n), rows: rows.map(toLetterEntry) };
}
