import type { CaseDto } from '../../../shared/contract/followups';
import type { UnitOfWork } from '../unit-of-work';
import { toCaseDto } from './case-dto';

/**
 * Cases, newest first, optionally of one person or in one state. Cases are the center's whole
 * caseload, so this needs the same right as seeing everyone's follow-ups.
 */
export async function listCases(
  ctx: UnitOfWork,
  filter: { personId?: string; state?: 'open' | 'closed' },
): Promise<CaseDto[]> {
  let q = ctx.db.selectFrom('cases').selectAll();
  if (filter.personId) q = q.where('person_id', '=', filter.personId);
  if (filter.state) q = q.where('state', '=', filter.state);
  const rows = await q.orderBy('opened_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toCaseDto);
}
