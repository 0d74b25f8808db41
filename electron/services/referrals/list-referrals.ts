import type { ReferralDto } from '../../../shared/contract/letters';
import type { UnitOfWork } from '../unit-of-work';
import { getReferralDto, selectReferrals, toReferralDto } from './referral-dto';

export async function listReferrals(
  ctx: UnitOfWork,
  f: {
    personId?: string | undefined;
    consultationId?: string | undefined;
    coordinationRequestId?: string | undefined;
    openOnly: boolean;
  },
): Promise<ReferralDto[]> {
  let q = selectReferrals(ctx.db);
  if (f.personId) q = q.where('r.person_id', '=', f.personId);
  if (f.consultationId) q = q.where('r.consultation_id', '=', f.consultationId);
  if (f.coordinationRequestId) q = q.where('r.coordination_request_id', '=', f.coordinationRequestId);
  if (f.openOnly) q = q.where('r.state', 'in', ['requested', 'accepted', 'declined']);
  const rows = await q.orderBy('r.requested_on', 'desc').orderBy('r.id', 'desc').limit(500).execute();
  return rows.map((r) => toReferralDto(r as Parameters<typeof toReferralDto>[0]));
}

export async function getReferral(ctx: UnitOfWork, id: string): Promise<ReferralDto> {
  return getReferralDto(ctx.db, id);
}
