import type { Kysely, Transaction } from 'kysely';
import type { ConsultationsTable, DB } from '../../../db/schema';
import { fixedRows } from '../../../db/sqlite/fixed-sql';
import type { ConsultationDetail } from '../../../shared/contract/consultations';
import { AppError } from '../../../shared/errors';
import { can } from '../../../shared/permissions';
import type { ServiceContext } from '../context';
import { toPersonSummary } from '../persons/person-mapper';
import { type Continuity, derivedContinuityText } from './continuity';

type Db = Kysely<DB> | Transaction<DB>;

type PersonRow = Parameters<typeof toPersonSummary>[0];

// fixed SQL (db/sqlite/fixed-sql.ts): every save reads the record it wrote back
const CATEGORIES = `SELECT code FROM consultation_categories WHERE consultation_id = ? ORDER BY code`;
const RESPONSES = `SELECT code FROM consultation_responses WHERE consultation_id = ? ORDER BY code`;
const DISEASES = `SELECT d.number, d.list_version, n.name_ja FROM consultation_diseases AS d
  LEFT JOIN master_nanbyo AS n ON n.number = d.number AND n.list_version = d.list_version
  WHERE d.consultation_id = ? ORDER BY d.number`;
const RESPONDERS = `SELECT r.staff_id, r.profession, s.display_name FROM consultation_responders AS r
  INNER JOIN staff AS s ON s.id = r.staff_id WHERE r.consultation_id = ?`;
const PERSON = `SELECT * FROM persons WHERE id = ?`;
const CONSULTATION = `SELECT *, ${derivedContinuityText('c')} AS continuity_derived
  FROM consultations AS c WHERE id = ? AND deleted_at IS NULL`;

/** Reads one consultation with its lists, disease names, responders and person. */
export async function loadConsultation(db: Db, id: string): Promise<ConsultationDetail> {
  const [c] = await fixedRows<ConsultationsTable & { continuity_derived: Continuity }>(db, CONSULTATION, [
    id,
  ]);
  if (!c) throw new AppError('NOT_FOUND', 'No such consultation.');
  const categories = await fixedRows<{ code: string }>(db, CATEGORIES, [id]);
  const responses = await fixedRows<{ code: string }>(db, RESPONSES, [id]);
  const diseases = await fixedRows<{ number: number; list_version: string; name_ja: string | null }>(
    db,
    DISEASES,
    [id],
  );
  const responders = await fixedRows<{ staff_id: string; profession: string; display_name: string }>(
    db,
    RESPONDERS,
    [id],
  );
  const [person] = c.person_id ? await fixedRows<PersonRow>(db, PERSON, [c.person_id]) : [];
  return {
    id: c.id,
    serial: c.serial,
    fiscalYear: c.fiscal_year,
    receivedAt: c.received_at,
    method: c.method,
    kind: c.kind,
    continuity: c.continuity_override ?? c.continuity_derived,
    continuityDerived: c.continuity_derived,
    continuityReason: c.continuity_override ? c.continuity_reason : null,
    caseId: c.case_id,
    durationMin: c.duration_min,
    siteKind: c.site_kind,
    eventId: c.event_id,
    consulter: c.consulter,
    consulterNote: c.consulter_note,
    person: person ? toPersonSummary(person) : null,
    patient: {
      sex: c.sex,
      birthDate: person?.birth_date ?? null,
      age: c.age,
      ageBand: c.age_band,
      municipalityCode: c.municipality_code,
      residence: c.residence,
      healthCenterId: c.health_center_id,
      diagnosisStatus: c.diagnosis_status,
      diseases: diseases.map((d) => ({ number: d.number, listVersion: d.list_version, nameJa: d.name_ja })),
      diseaseOther: c.disease_other,
      recipientCert: c.recipient_cert,
      disabilityCert: c.disability_cert,
      ltcLevel: c.ltc_level,
      employment: c.employment,
      living: c.living,
      devices: JSON.parse(c.devices) as string[],
    },
    categories: categories.map((x) => x.code),
    mainCategory: c.main_category,
    summary: c.summary,
    responses: responses.map((x) => x.code),
    responseText: c.response_text,
    referralNote: c.referral_note,
    outcome: c.outcome,
    responders: responders.map((r) => ({
      staffId: r.staff_id,
      displayName: r.display_name,
      profession: r.profession,
    })),
    version: c.version,
    createdAt: c.created_at,
    createdBy: c.created_by,
    updatedAt: c.updated_at,
    updatedBy: c.updated_by,
    warnings: [],
  };
}

/** Without 'consultation.viewAll' (peer supporters) one sees only what one took part in. */
export function assertMayView(ctx: ServiceContext, c: ConsultationDetail): void {
  if (can(ctx.actor.role, 'consultation.viewAll')) return;
  const mine = c.createdBy === ctx.actor.id || c.responders.some((r) => r.staffId === ctx.actor.id);
  if (!mine) throw new AppError('FORBIDDEN', 'This consultation is not visible to your role.');
}
