import type { ConsultationDetail } from '../../../shared/contract/consultations';
import type { UnitOfWork } from '../unit-of-work';
import { assertMayView, loadConsultation } from './load-consultation';
import { consultationVersions } from './version-snapshot';

/** Opening a consultation is logged: it shows a person's health information. */
export async function getConsultation(uow: UnitOfWork, id: string): Promise<ConsultationDetail> {
  const c = await loadConsultation(uow.db, id);
  assertMayView(uow, c);
  uow.audit.about({
    entity: 'consultation',
    entityId: id,
    detail: c.person ? { personId: c.person.id } : undefined,
  });
  return c;
}

/** Every saved version, oldest first, each with the full record as it was. */
export async function consultationHistory(uow: UnitOfWork, id: string) {
  const current = await loadConsultation(uow.db, id);
  assertMayView(uow, current);
  return consultationVersions(uow.db, current);
}
