import type { Kysely } from 'kysely';
import type { DB, FollowUpsTable } from '../../../db/schema';
import type { FollowUpDto } from '../../../shared/contract/followups';
import { AppError } from '../../../shared/errors';

export type FollowUpRow = FollowUpsTable & { owner_name: string; person_name: string | null };

/** Follow-ups with the owner's display name and the person's name, ready for `toFollowUpDto`. */
export function selectFollowUps(db: Kysely<DB>) {
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('staff as s', 's.id', 'f.owner_id')
    .leftJoin('persons as p', 'p.id', 'f.person_id')
    .selectAll('f')
    .select(['s.display_name as owner_name', 'p.name as person_name']);
}

export function toFollowUpDto(r: FollowUpRow): FollowUpDto {
  return {
    id: r.id,
    caseId: r.case_id,
    consultationId: r.consultation_id,
    personId: r.person_id,
    personName: r.person_name,
    title: r.title,
    dueDate: r.due_date,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    state: r.state,
    note: r.note,
    completedAt: r.completed_at,
    version: r.version,
  };
}

export async function getFollowUpDto(db: Kysely<DB>, id: string): Promise<FollowUpDto> {
  const row = await selectFollowUps(db).where('f.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such follow-up.');
  return toFollowUpDto(row);
}
