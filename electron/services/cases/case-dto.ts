import type { CasesTable } from '../../../db/schema';
import type { CaseDto } from '../../../shared/contract/followups';

export function toCaseDto(r: CasesTable): CaseDto {
  return {
    id: r.id,
    personId: r.person_id,
    title: r.title,
    state: r.state,
    ownerId: r.owner_id,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    outcome: r.outcome,
    outcomeNote: r.outcome_note,
    version: r.version,
  };
}
