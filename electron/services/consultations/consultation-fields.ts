import type { z } from 'zod';
import type { ConsultationLists } from '../../../db/records/consultation';
import type { PersonsTable } from '../../../db/schema';
import type { consultationInput } from '../../../shared/contract/consultations';
import { ageBandOf, ageOn } from '../../../shared/dates/age';
import { fiscalYearOf } from '../../../shared/dates/fiscal-year';

export type ParsedConsultation = z.output<typeof consultationInput>;

/** What the use case works out around an input: the case, the area, 新規/継続. */
export interface ConsultationFacts {
  caseId: string | null;
  healthCenterId: string | null;
  residence: string;
  continuity: {
    continuity: 'new' | 'continuing';
    override: 'new' | 'continuing' | null;
    reason: string | null;
  };
}

/** The patient's birth date and municipality: as given, else the linked person's. */
export function patientBasics(input: ParsedConsultation, person: PersonsTable | null) {
  const p = input.patient;
  const newPerson = input.person.mode === 'new' ? input.person.data : null;
  return {
    birthDate: p.birthDate ?? person?.birth_date ?? newPerson?.birthDate ?? null,
    municipality: p.municipalityCode ?? person?.municipality_code ?? null,
  };
}

/**
 * The consultation columns an input sets (stamps, serial and ids are the caller's).
 * Patient facts not given fall back to the linked person: sex, birth date, municipality.
 * Age is 満年齢 on the consultation date; the band follows from it when a birth date is known.
 */
export function consultationColumns(
  input: ParsedConsultation,
  person: PersonsTable | null,
  personId: string | null,
  facts: ConsultationFacts,
) {
  const p = input.patient;
  const receivedDate = input.receivedAt.slice(0, 10);
  const { birthDate, municipality } = patientBasics(input, person);
  const age = birthDate ? ageOn(birthDate, receivedDate) : null;
  return {
    fiscal_year: fiscalYearOf(receivedDate),
    received_at: input.receivedAt.length === 16 ? `${input.receivedAt}:00` : input.receivedAt,
    received_date: receivedDate,
    site_kind: input.siteKind,
    event_id: input.eventId ?? null,
    method: input.method,
    continuity: facts.continuity.continuity,
    continuity_override: facts.continuity.override,
    continuity_reason: facts.continuity.reason,
    case_id: facts.caseId,
    duration_min: input.durationMin ?? null,
    kind: input.kind,
    consulter: input.consulter,
    consulter_note: input.consulterNote,
    person_id: personId,
    sex: p.sex ?? person?.sex ?? null,
    age,
    age_band: age !== null ? ageBandOf(age) : (p.ageBand ?? person?.age_band ?? null),
    municipality_code: municipality,
    residence: facts.residence,
    health_center_id: facts.healthCenterId,
    diagnosis_status: p.diagnosisStatus ?? null,
    disease_other: p.diseaseOther,
    recipient_cert: p.recipientCert ?? null,
    disability_cert: p.disabilityCert ?? null,
    ltc_level: p.ltcLevel ?? null,
    employment: p.employment ?? null,
    living: p.living ?? null,
    devices: JSON.stringify(p.devices),
    main_category: input.mainCategory ?? (input.categories.length === 1 ? input.categories[0]! : null),
    summary: input.summary,
    response_text: input.responseText,
    referral_note: input.referralNote,
    outcome: input.outcome,
  };
}

export type ConsultationColumns = ReturnType<typeof consultationColumns>;

/** The multi-valued parts, as the op log carries them (one field each). */
export function consultationLists(input: ParsedConsultation, mainCategory: string | null): ConsultationLists {
  return {
    categories: input.categories.map((code) => ({ code, main: code === mainCategory })),
    responses: input.responses,
    diseases: input.patient.diseases.map((d) => ({ number: d.number, listVersion: d.listVersion })),
    responders: input.responders,
  };
}

export type { ConsultationLists };
