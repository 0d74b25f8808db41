import type { LetterEntry } from '../../../shared/contract/letters';
import type { UnitOfWork } from '../unit-of-work';
import { selectLetters, toLetterEntry } from './letter-entry';

/** The register of issued letters, newest first; opening it is logged. */
export async function listRegister(
  ctx: UnitOfWork,
  f: { personId?: string | undefined; referralId?: string | undefined; limit: number; offset: number },
): Promise<{ total: number; rows: LetterEntry[] }> {
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
  ctx.audit.about({
    detail: { personId: f.personId ?? null, referralId: f.referralId ?? null },
  });
  return { total: Number(total.n), rows: rows.map(toLetterEntry) };
}
