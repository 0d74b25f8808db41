import type { ConsultationDetail, ConsultationInput } from '../../../shared/contract/consultations';

/**
 * The intake form's state: plain strings and arrays, as the inputs hold them, so it can be
 * saved as a draft at any moment (even half-filled) and turned into the contract input on save.
 */
export interface IntakeForm {
  receivedAt: string;
  /** the counselor set 受付日時 herself (or it is a saved record's): it no longer follows the clock */
  receivedAtFixed?: boolean;
  method: string;
  kind: string;
  durationMin: string;
  /** where: the center, or outreach (optionally at one event, counted in its statistics) */
  siteKind: 'center' | 'outreach';
  eventId: string | null;
  consulter: string;
  consulterNote: string;
  personMode: 'anonymous' | 'existing' | 'new';
  personId: string | null;
  personLabel: string;
  name: string;
  nameKana: string;
  sex: string | null;
  birthDate: string;
  ageBand: string | null;
  municipalityCode: string | null;
  municipalityLabel: string;
  phone: string;
  diagnosisStatus: string | null;
  diseases: { number: number; nameJa: string }[];
  diseaseOther: string;
  recipientCert: string | null;
  disabilityCert: string | null;
  ltcLevel: string | null;
  employment: string | null;
  living: string | null;
  devices: string[];
  categories: string[];
  mainCategory: string | null;
  summary: string;
  responses: string[];
  responseText: string;
  referralNote: string;
  outcome: string;
  /** 新規/継続 set by hand (null: as the person's history makes it), with its reason */
  continuityOverride: 'new' | 'continuing' | null;
  continuityReason: string;
  followUpTitle: string;
  followUpDue: string;
  followUpOwnerId: string;
}

/** The local date-time now, minute precision, as the receivedAt input holds it. */
export function localNow(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function emptyIntake(): IntakeForm {
  return {
    receivedAt: localNow(),
    method: 'phone',
    kind: 'professional',
    durationMin: '',
    siteKind: 'center',
    eventId: null,
    consulter: '',
    consulterNote: '',
    personMode: 'anonymous',
    personId: null,
    personLabel: '',
    name: '',
    nameKana: '',
    sex: null,
    birthDate: '',
    ageBand: null,
    municipalityCode: null,
    municipalityLabel: '',
    phone: '',
    diagnosisStatus: null,
    diseases: [],
    diseaseOther: '',
    recipientCert: null,
    disabilityCert: null,
    ltcLevel: null,
    employment: null,
    living: null,
    devices: [],
    categories: [],
    mainCategory: null,
    summary: '',
    responses: [],
    responseText: '',
    referralNote: '',
    outcome: 'closed',
    continuityOverride: null,
    continuityReason: '',
    followUpTitle: '',
    followUpDue: '',
    followUpOwnerId: '',
  };
}

const comparable = (f: IntakeForm) => {
  const { receivedAt: _at, receivedAtFixed: _fixed, ...rest } = f;
  return JSON.stringify(rest);
};
const BLANK = comparable(emptyIntake());

/**
 * Nothing typed or chosen yet (the time aside, unless the counselor set it): such a form is
 * not a draft worth keeping, and its 受付日時 still follows the clock.
 */
export function isBlankIntake(f: IntakeForm): boolean {
  return !f.receivedAtFixed && comparable({ ...emptyIntake(), ...f }) === BLANK;
}

const orNull = <T>(v: T | '' | null | undefined) => (v === '' || v === undefined ? null : v);

/** Form → the 'consultation.record' input (validation and codes are the contract's job). */
export function toConsultationInput(f: IntakeForm): ConsultationInput {
  const person: ConsultationInput['person'] =
    f.personMode === 'existing' && f.personId
      ? { mode: 'existing', personId: f.personId }
      : f.personMode === 'new'
        ? {
            mode: 'new',
            data: {
              name: f.name,
              nameKana: f.nameKana,
              sex: f.sex as never,
              birthDate: orNull(f.birthDate),
              ageBand: f.ageBand as never,
              municipalityCode: f.municipalityCode,
              phone: f.phone,
            },
          }
        : { mode: 'anonymous' };
  const anonymousFacts = f.personMode === 'anonymous';
  return {
    receivedAt: f.receivedAt,
    method: f.method as never,
    kind: f.kind as never,
    // left out unless set by hand: the service derives it from the person's history
    ...(f.continuityOverride
      ? { continuity: f.continuityOverride, continuityReason: f.continuityReason }
      : {}),
    durationMin: f.durationMin === '' ? null : Number(f.durationMin),
    siteKind: f.siteKind,
    eventId: f.siteKind === 'outreach' ? f.eventId : null,
    consulter: f.consulter as never,
    consulterNote: f.consulterNote,
    person,
    patient: {
      ...(anonymousFacts
        ? { sex: f.sex as never, ageBand: f.ageBand as never, municipalityCode: f.municipalityCode }
        : {}),
      diagnosisStatus: f.diagnosisStatus as never,
      diseases: f.diseases.map((d) => ({ number: d.number })),
      diseaseOther: f.diseaseOther,
      recipientCert: f.recipientCert as never,
      disabilityCert: f.disabilityCert as never,
      ltcLevel: f.ltcLevel as never,
      employment: f.employment as never,
      living: f.living as never,
      devices: f.devices as never,
    },
    categories: f.categories,
    mainCategory: f.mainCategory,
    summary: f.summary,
    responses: f.responses as never,
    responseText: f.responseText,
    referralNote: f.referralNote,
    outcome: f.outcome as never,
    followUp:
      f.followUpTitle || f.followUpDue
        ? {
            title: f.followUpTitle,
            dueDate: f.followUpDue,
            ...(f.followUpOwnerId ? { ownerId: f.followUpOwnerId } : {}),
          }
        : null,
  };
}

/** A saved consultation back into the form, for editing. */
export function fromConsultation(c: ConsultationDetail): IntakeForm {
  return {
    ...emptyIntake(),
    receivedAt: c.receivedAt.slice(0, 16),
    receivedAtFixed: true,
    method: c.method,
    kind: c.kind,
    durationMin: c.durationMin === null ? '' : String(c.durationMin),
    siteKind: c.siteKind === 'outreach' ? 'outreach' : 'center',
    eventId: c.eventId,
    consulter: c.consulter,
    consulterNote: c.consulterNote ?? '',
    personMode: c.person ? 'existing' : 'anonymous',
    personId: c.person?.id ?? null,
    personLabel: c.person ? `${c.person.name ?? ''} ${c.person.nameKana ?? ''}`.trim() : '',
    sex: c.patient.sex,
    ageBand: c.patient.ageBand,
    municipalityCode: c.patient.municipalityCode,
    diagnosisStatus: c.patient.diagnosisStatus,
    diseases: c.patient.diseases.map((d) => ({ number: d.number, nameJa: d.nameJa ?? '' })),
    diseaseOther: c.patient.diseaseOther ?? '',
    recipientCert: c.patient.recipientCert,
    disabilityCert: c.patient.disabilityCert,
    ltcLevel: c.patient.ltcLevel,
    employment: c.patient.employment,
    living: c.patient.living,
    devices: c.patient.devices,
    categories: c.categories,
    mainCategory: c.mainCategory,
    summary: c.summary,
    responses: c.responses,
    responseText: c.responseText,
    referralNote: c.referralNote ?? '',
    outcome: c.outcome,
    continuityOverride: c.continuityReason ? c.continuity : null,
    continuityReason: c.continuityReason ?? '',
  };
}
