import type { ParsedInput } from '../../../shared/contract';
import { requirePermission, type ServiceContext } from '../context';
import { deriveContinuity } from './continuity';

/**
 * For the intake form, before saving: 新規/継続 as this person's history makes it (the value the
 * consultation gets unless the counselor sets another with a reason), the last consultation
 * before it and the person's open case. Only to those who record consultations.
 */
export async function continuityOf(ctx: ServiceContext, input: ParsedInput<'consultation.continuityOf'>) {
  requirePermission(ctx, 'consultation.record');
  const personId = input.personId ?? null;
  const self = input.consultationId ?? undefined;
  const continuity = await deriveContinuity(ctx.db, personId, input.receivedAt, self);
  if (!personId) return { continuity, previousAt: null, openCaseId: null };
  const at = input.receivedAt.length === 16 ? `${input.receivedAt}:00` : input.receivedAt;
  let prev = ctx.db
    .selectFrom('consultations')
    .select('received_at')
    .where('person_id', '=', personId)
    .where('deleted_at', 'is', null)
    .where('received_at', '<=', at);
  if (self) prev = prev.where('id', '!=', self);
  const previous = await prev.orderBy('received_at', 'desc').limit(1).executeTakeFirst();
  const open = await ctx.db
    .selectFrom('cases')
    .select('id')
    .where('person_id', '=', personId)
    .where('state', '=', 'open')
    .orderBy('opened_at', 'desc')
    .executeTakeFirst();
  return { continuity, previousAt: previous?.received_at ?? null, openCaseId: open?.id ?? null };
}
