import type { createDispatcher } from '../../electron/ipc/dispatcher';
import type { ServiceContext } from '../../electron/services/context';
import { INSTITUTION_TYPES } from '../../shared/vocab/institution-types';

type Dispatcher = ReturnType<typeof createDispatcher>;

/**
 * Referrals for the report bench: one institution of every type, and a referral from every
 * 20th consultation with a person (≈3,500 at 100,000 consultations), through the real use
 * cases; every 10th of them cancelled. Skipped when the file already has referrals (a kept
 * bench file). Returns how many were made.
 */
export async function seedBenchReferrals(ctx: ServiceContext, dispatcher: Dispatcher): Promise<number> {
  const has = await ctx.db.selectFrom('referrals').select('id').limit(1).executeTakeFirst();
  if (has) return 0;
  const call = async (channel: string, input: unknown) => {
    const r = await dispatcher.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.data as { id: string };
  };
  const institutions: string[] = [];
  for (const [i, t] of INSTITUTION_TYPES.entries())
    institutions.push(
      (
        await call('institution.create', {
          type: t.code,
          name: `ベンチ機関${i + 1}`,
          nameKana: `べんち${i + 1}`,
        })
      ).id,
    );
  const consultations = await ctx.db
    .selectFrom('consultations')
    .select(['id', 'received_date'])
    .where('person_id', 'is not', null)
    .orderBy('id')
    .execute();
  let made = 0;
  for (let i = 0; i < consultations.length; i += 20) {
    const c = consultations[i]!;
    const r = await call('referral.create', {
      consultationId: c.id,
      institutionId: institutions[made % institutions.length],
      purpose: null,
      requestedOn: c.received_date,
    });
    if (made % 10 === 9) await call('referral.transition', { id: r.id, to: 'cancelled', note: null });
    made++;
  }
  return made;
}
