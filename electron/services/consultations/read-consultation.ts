import { writeAudit } from '../../../db/audit';
import type { ConsultationDetail } from '../../../shared/contract/consultations';
import type { ServiceContext } from '../context';
import { assertMayView, loadConsultation } from './load-consultation';
import { consultationVersions } from './version-snapshot';

/** Opening a consultation is logged: it shows a person's health information. */
export async function getConsultation(ctx: ServiceContext, id: string): Promise<ConsultationDetail> {
  const c = await loadConsultation(ctx.db, id);
  assertMayView(ctx, c);
  await writeAudit(ctx.db, {
    staffId: ctx.actor.id,
    login: ctx.actor.login,
    action: 'consultation.view',
    entity: 'consultation',
    entityId: id,
    detail: c.person ? { personId: c.person.id } : undefined,
  });
  return c;
}

/** Every saved version, oldest first, each with the full record as it was. */
export async function consultationHistory(ctx: ServiceContext, id: string) {
  const current = await loadConsultation(ctx.db, id);
  assertMayView(ctx, current);
  return consultationVersions(ctx.db, current);
}
