import type { CoordinationRequestDto } from '../../../shared/contract/coordination';
import type { UnitOfWork } from '../unit-of-work';
import { getRequestDto } from './request-dto';

/** Opening a request is logged: it shows a person's health information and care situation. */
export async function getRequest(ctx: UnitOfWork, id: string): Promise<CoordinationRequestDto> {
  const r = await getRequestDto(ctx.db, id);
  ctx.audit.about({
    entity: 'coordination_request',
    entityId: id,
    detail: { personId: r.personId },
  });
  return r;
}
