import type { Transaction } from 'kysely';
import { requireActiveStaff } from '../../../db/records/staff';
import type { DB } from '../../../db/schema';
import { recordsIn } from '../context';
import type { UnitOfWork } from '../unit-of-work';

export interface NewFollowUp {
  title: string;
  dueDate: string;
  ownerId?: string | null;
  caseId?: string | null;
  consultationId?: string | null;
  personId?: string | null;
  note?: string | null;
}

/** Inserts a follow-up inside the caller's transaction; the owner must be an active staff member. */
export async function insertFollowUp(trx: Transaction<DB>, ctx: UnitOfWork, f: NewFollowUp): Promise<string> {
  const ownerId = f.ownerId ?? ctx.actor.id;
  await requireActiveStaff(trx, [ownerId], 'The follow-up owner is not an active staff member.');
  const id = await recordsIn(trx, ctx).followUp.insert({
    case_id: f.caseId ?? null,
    consultation_id: f.consultationId ?? null,
    person_id: f.personId ?? null,
    title: f.title,
    due_date: f.dueDate,
    owner_id: ownerId,
    state: 'open',
    note: f.note ?? null,
    completed_at: null,
    completed_by: null,
  });
  ctx.audit.note('followup.create', { entity: 'follow_up', entityId: id });
  return id;
}
