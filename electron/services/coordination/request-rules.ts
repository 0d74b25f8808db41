import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../../db/schema';
import type { consentInput, medicalNeeds } from '../../../shared/contract/coordination';
import { AppError } from '../../../shared/errors';
import { todayLocal, type ServiceContext } from '../context';
import type { RequestColumns } from './request-change';

/** A coded refusal naming the field, so the form can show where the problem is. */
export function invalid(path: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, [{ path, message }]);
}

/** An active staff member (owner, the one who obtained consent), or INVALID_INPUT on `path`. */
export async function requireActiveStaff(trx: Transaction<DB>, id: string, path: string): Promise<void> {
  const s = await trx.selectFrom('staff').select('active').where('id', '=', id).executeTakeFirst();
  if (!s || !s.active) throw invalid(path, 'Not an active staff member.');
}

/** A date that has already come (a decision, a consent, a request): not after today. */
export function requireNotFuture(ctx: ServiceContext, date: string, path: string): void {
  if (date > todayLocal(ctx)) throw invalid(path, `${date} is in the future.`);
}

export function needsColumns(n: z.output<typeof medicalNeeds>) {
  return {
    ventilator: n.ventilator,
    suction: n.suction,
    gastrostomy: n.gastrostomy ? 1 : 0,
    care_level: n.careLevel,
    needs_note: n.note,
  };
}

/** The consent columns, written together (one group for the merge). */
export async function consentColumns(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  c: z.output<typeof consentInput>,
  path = 'consent',
): Promise<Pick<RequestColumns, 'consent_method' | 'consent_date' | 'consent_by' | 'consent_withdrawn_on'>> {
  const by = c.obtainedBy ?? ctx.actor.id;
  await requireActiveStaff(trx, by, `${path}.obtainedBy`);
  requireNotFuture(ctx, c.date, `${path}.date`);
  return { consent_method: c.method, consent_date: c.date, consent_by: by, consent_withdrawn_on: null };
}

export const CONSENT_GROUP = [
  'consent_method',
  'consent_date',
  'consent_by',
  'consent_withdrawn_on',
] as const;
export const END_GROUP = [
  'state',
  'accepted_institution_id',
  'accepted_from',
  'accepted_to',
  'ended_on',
  'ended_by',
  'end_note',
] as const;
