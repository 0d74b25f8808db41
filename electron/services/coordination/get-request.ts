import { writeAudit } from '../../../db/audit';
import type { CoordinationRequestDto } from '../../../shared/contract/coordination';
import { requirePermission, type ServiceContext } from '../context';
import { getRequestDto } from './request-dto';

/** Opening a request is logged: it shows a person's health information and care situation. */
export async function getRequest(ctx: ServiceContext, id: string): Promise<CoordinationRequestDto> {
  requirePermission(ctx, 'coordination.view');
  const r = await getRequestDto(ctx.db, id);
  await writeAudit(ctx.db, {
    staffId: ctx.actor.id,
    login: ctx.actor.login,
    action: 'coordination.view',
    entity: 'coordination_request',
    entityId: id,
    detail: { personId: r.personId },
  });
  return r;
}
