import { z } from 'zod';
import { NANBYO_LIST_VERSION } from '../masters/parse-nanbyo';
import {
  AGE_BANDS,
  CONSULTATION_KINDS,
  CONSULTATION_METHODS,
  CONSULTER_RELATIONSHIPS,
  DIAGNOSIS_STATUSES,
  DISABILITY_CERTIFICATE_STATUSES,
  EMPLOYMENT_STATUSES,
  LIVING_SITUATIONS,
  LONG_TERM_CARE_LEVELS,
  MEDICAL_DEVICES,
  OUTCOMES,
  RECIPIENT_CERTIFICATE_STATUSES,
  RESPONSE_TYPES,
  SEXES,
  STAFF_PROFESSIONS,
} from '../vocab';
import { CONSULTATION_WARNING_CODES } from '../validation/consultation-warnings';
import { isRecordableContentCategory } from '../vocab/content-categories';
import { channel } from './channel';
import { codeOf, id, isoDate, isoDateTime, municipalityCode, optText, page, residence } from './common';
import { personInput, personSummary } from './persons';

const category = z.string().refine(isRecordableContentCategory, { message: 'unknown content category' });

export const diseaseRef = z.object({
  number: z.number().int().min(1).max(999),
  listVersion: z.string().default(NANBYO_LIST_VERSION),
});

/** The patient's situation at the time of the consultation (DOMAIN §2 "patient"). */
export const patientSituation = z.object({
  sex: codeOf(SEXES).nullish(),
  birthDate: isoDate.nullish(),
  ageBand: codeOf(AGE_BANDS).nullish(),
  municipalityCode: municipalityCode.nullish(),
  residence: residence.optional(),
  healthCenterId: id.nullish(),
  diagnosisStatus: codeOf(DIAGNOSIS_STATUSES).nullish(),
  diseases: z.array(diseaseRef).max(10).default([]),
  diseaseOther: optText(500),
  recipientCert: codeOf(RECIPIENT_CERTIFICATE_STATUSES).nullish(),
  disabilityCert: codeOf(DISABILITY_CERTIFICATE_STATUSES).nullish(),
  ltcLevel: codeOf(LONG_TERM_CARE_LEVELS).nullish(),
  employment: codeOf(EMPLOYMENT_STATUSES).nullish(),
  living: codeOf(LIVING_SITUATIONS).nullish(),
  devices: z.array(codeOf(MEDICAL_DEVICES)).default([]),
});

const personChoice = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('anonymous') }),
  z.object({ mode: z.literal('existing'), personId: id }),
  z.object({ mode: z.literal('new'), data: personInput }),
]);

const followUpInput = z.object({
  dueDate: isoDate,
  title: z.string().trim().min(1).max(200),
  ownerId: id.optional(),
});

/** What a counselor records. Everything about identity is optional: anonymous calls are common. */
export const consultationInput = z
  .object({
    receivedAt: isoDateTime,
    method: codeOf(CONSULTATION_METHODS),
    kind: codeOf(CONSULTATION_KINDS).default('professional'),
    /**
     * 新規/継続 is derived from the person's history (their first consultation ever is 新規);
     * leave it out to take that. A different value counts only with `continuityReason` (without
     * one the history's value is kept and the answer warns CONTINUITY_FROM_HISTORY); the 転帰
     * (outcome) never changes it.
     */
    continuity: z.enum(['new', 'continuing']).nullish(),
    continuityReason: optText(500),
    /**
     * link to an open case; without it, a consultation with outcome 継続 joins the person's open
     * case or opens one on the consultation's date, and a 継続 consultation joins an open case
     */
    caseId: id.nullish(),
    durationMin: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .nullish(),
    siteKind: z.enum(['center', 'outreach']).default('center'),
    eventId: id.nullish(),
    consulter: codeOf(CONSULTER_RELATIONSHIPS),
    consulterNote: optText(200),
    person: personChoice.default({ mode: 'anonymous' }),
    patient: patientSituation.prefault({}),
    categories: z.array(category).max(20).default([]),
    mainCategory: category.nullish(),
    summary: z.string().max(20000).default(''),
    responses: z.array(codeOf(RESPONSE_TYPES)).default([]),
    responseText: z.string().max(20000).default(''),
    referralNote: optText(2000),
    outcome: codeOf(OUTCOMES).default('closed'),
    responders: z.array(z.object({ staffId: id, profession: codeOf(STAFF_PROFESSIONS) })).default([]),
    followUp: followUpInput.nullish(),
  })
  .superRefine((c, ctx) => {
    if (c.mainCategory && !c.categories.includes(c.mainCategory)) {
      ctx.addIssue({
        code: 'custom',
        path: ['mainCategory'],
        message: 'the main category must be one of the categories',
      });
    }
    if (new Set(c.categories).size !== c.categories.length) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'duplicate category' });
    }
    // a consultation at an event is an outreach consultation: the report's "center" site must
    // not count it while the event's site does
    if (c.eventId && c.siteKind !== 'outreach') {
      ctx.addIssue({ code: 'custom', path: ['siteKind'], message: 'a consultation at an event is outreach' });
    }
  });

export type ConsultationInput = z.input<typeof consultationInput>;

/** Looks wrong, may be right: the record is saved; the form shows these (codes in i18n `warnings`). */
export const consultationWarning = z.object({
  code: z.enum(CONSULTATION_WARNING_CODES),
  field: z.enum(['receivedAt', 'birthDate', 'continuity']),
});

export const consultationDetail = z.object({
  id,
  serial: z.string(),
  fiscalYear: z.number().int(),
  receivedAt: z.string(),
  method: z.string(),
  kind: z.string(),
  /** what counts: set by hand, else derived from the person's history now */
  continuity: z.enum(['new', 'continuing']),
  /** from the person's history alone */
  continuityDerived: z.enum(['new', 'continuing']),
  /** why it was set by hand (null: derived) */
  continuityReason: z.string().nullable(),
  caseId: z.string().nullable(),
  durationMin: z.number().nullable(),
  siteKind: z.string(),
  eventId: z.string().nullable(),
  consulter: z.string(),
  consulterNote: z.string().nullable(),
  person: personSummary.nullable(),
  patient: z.object({
    sex: z.string().nullable(),
    birthDate: z.string().nullable(),
    age: z.number().nullable(),
    ageBand: z.string().nullable(),
    municipalityCode: z.string().nullable(),
    residence: z.string(),
    healthCenterId: z.string().nullable(),
    diagnosisStatus: z.string().nullable(),
    diseases: z.array(
      z.object({ number: z.number(), listVersion: z.string(), nameJa: z.string().nullable() }),
    ),
    diseaseOther: z.string().nullable(),
    recipientCert: z.string().nullable(),
    disabilityCert: z.string().nullable(),
    ltcLevel: z.string().nullable(),
    employment: z.string().nullable(),
    living: z.string().nullable(),
    devices: z.array(z.string()),
  }),
  categories: z.array(z.string()),
  mainCategory: z.string().nullable(),
  summary: z.string(),
  responses: z.array(z.string()),
  responseText: z.string(),
  referralNote: z.string().nullable(),
  outcome: z.string(),
  responders: z.array(z.object({ staffId: z.string(), displayName: z.string(), profession: z.string() })),
  version: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** on the answer to record/update only: what looked wrong when it was saved */
  warnings: z.array(consultationWarning).default([]),
});
export type ConsultationDetail = z.infer<typeof consultationDetail>;

export const consultationRow = z.object({
  id,
  serial: z.string(),
  receivedAt: z.string(),
  method: z.string(),
  consulter: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  personKana: z.string().nullable(),
  mainCategory: z.string().nullable(),
  summary: z.string(),
  outcome: z.string(),
  openFollowUps: z.number(),
});
export type ConsultationRow = z.infer<typeof consultationRow>;

export const consultationFilter = z.object({
  query: z.string().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  methods: z.array(codeOf(CONSULTATION_METHODS)).optional(),
  categories: z.array(category).optional(),
  diseaseGroups: z.array(z.string()).optional(),
  municipalityCodes: z.array(municipalityCode).optional(),
  staffId: id.optional(),
  openFollowUps: z.boolean().optional(),
  personId: id.optional(),
  /** consultations recorded with this event as their site */
  eventId: id.optional(),
});
export type ConsultationFilter = z.input<typeof consultationFilter>;

export const consultationChannels = {
  'consultation.record': channel({ auth: 'session', input: consultationInput, output: consultationDetail }),
  'consultation.update': channel({
    auth: 'session',
    input: z.object({ id, expectedVersion: z.number().int().min(1), changes: consultationInput }),
    output: consultationDetail,
  }),
  'consultation.get': channel({ auth: 'session', input: z.object({ id }), output: consultationDetail }),
  'consultation.list': channel({
    auth: 'session',
    input: consultationFilter.extend(page.shape),
    output: z.object({ total: z.number(), rows: z.array(consultationRow) }),
  }),
  'consultation.history': channel({
    auth: 'session',
    input: z.object({ id }),
    output: z.array(
      z.object({
        version: z.number(),
        changedAt: z.string(),
        changedBy: z.string(),
        snapshot: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
  /** for the intake form: 新規/継続 as this person's history makes it, before saving */
  'consultation.continuityOf': channel({
    auth: 'session',
    input: z.object({ personId: id.nullish(), receivedAt: isoDateTime, consultationId: id.nullish() }),
    output: z.object({
      continuity: z.enum(['new', 'continuing']),
      /** the person's latest consultation before this one (ISO local date-time), if any */
      previousAt: z.string().nullable(),
      /** the person's open case, which a 継続 consultation joins */
      openCaseId: z.string().nullable(),
    }),
  }),
  'consultation.linkCase': channel({
    auth: 'session',
    input: z.object({ id, caseId: id.nullable() }),
    output: consultationDetail,
  }),
};
