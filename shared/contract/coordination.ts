import { z } from 'zod';
import {
  CARE_LEVELS,
  CONSENT_METHODS,
  CONTACT_ANSWERS,
  COORDINATION_KINDS,
  COORDINATION_REASONS,
  COORDINATION_STATES,
  COORDINATION_URGENCIES,
  INSTITUTION_TYPES,
  REFUSAL_REASONS,
  SUCTION_NEEDS,
  VENTILATOR_NEEDS,
} from '../vocab';
import { channel } from './channel';
import { codeOf, id, isoDate, isoDateTime, optText } from './common';

/** The medical needs that decide which hospital can take the patient. */
export const medicalNeeds = z.object({
  ventilator: codeOf(VENTILATOR_NEEDS).default('none'),
  suction: codeOf(SUCTION_NEEDS).default('none'),
  gastrostomy: z.boolean().default(false),
  careLevel: codeOf(CARE_LEVELS).default('low'),
  /** anything else the hospital must know (free text; never sent to the prefecture) */
  note: optText(1000),
});
export type MedicalNeeds = z.output<typeof medicalNeeds>;

/** The person's consent to give their details to hospitals (DOMAIN §5): how, when, taken by whom. */
export const consentInput = z.object({
  method: codeOf(CONSENT_METHODS),
  date: isoDate,
  /** the staff member who obtained it; default: whoever records it */
  obtainedBy: id.optional(),
});

/** Date-range rule shared by the request's inputs: an end date is not before its start. */
function rangeOk(from: string | null | undefined, to: string | null | undefined): boolean {
  return !from || !to || to >= from;
}

const requestFields = {
  kind: codeOf(COORDINATION_KINDS),
  reason: codeOf(COORDINATION_REASONS),
  reasonNote: optText(2000),
  wantedFrom: isoDate,
  wantedTo: isoDate.nullish().transform((v) => v ?? null),
  needs: medicalNeeds.prefault({}),
  urgency: codeOf(COORDINATION_URGENCIES),
  /** who coordinates (担当); default: whoever opens the request */
  ownerId: id.optional(),
};

export const openRequestInput = z
  .object({
    consultationId: id,
    /** the day the request came in; default today */
    requestedOn: isoDate.optional(),
    ...requestFields,
    consent: consentInput.nullish(),
  })
  .refine((r) => rangeOk(r.wantedFrom, r.wantedTo), {
    path: ['wantedTo'],
    message: 'the wanted end date is before the start date',
  });
export type OpenRequestInput = z.input<typeof openRequestInput>;

export const requestChanges = z.object(requestFields).refine((r) => rangeOk(r.wantedFrom, r.wantedTo), {
  path: ['wantedTo'],
  message: 'the wanted end date is before the start date',
});

/**
 * One call to one hospital. 受入不可 needs a reason code; 検討中 needs the time to call back
 * (it becomes a follow-up); neither goes with the other answers.
 */
export const contactInput = z
  .object({
    requestId: id,
    institutionId: id,
    /** local date-time of the call; default now */
    contactedAt: isoDateTime.optional(),
    answer: codeOf(CONTACT_ANSWERS),
    refusalReason: codeOf(REFUSAL_REASONS).nullish(),
    refusalNote: optText(1000),
    callBackAt: isoDateTime.nullish(),
    note: optText(1000),
  })
  .superRefine((c, ctx) => {
    if (c.answer === 'refused' && !c.refusalReason)
      ctx.addIssue({ code: 'custom', path: ['refusalReason'], message: 'a refusal needs a reason' });
    if (c.answer !== 'refused' && (c.refusalReason || c.refusalNote))
      ctx.addIssue({ code: 'custom', path: ['refusalReason'], message: 'only a refusal has a reason' });
    if (c.answer === 'pending' && !c.callBackAt)
      ctx.addIssue({ code: 'custom', path: ['callBackAt'], message: '検討中 needs a time to call back' });
    if (c.answer !== 'pending' && c.callBackAt)
      ctx.addIssue({ code: 'custom', path: ['callBackAt'], message: 'only 検討中 has a call-back time' });
  });
export type ContactInput = z.input<typeof contactInput>;

const endCommon = { id, endedOn: isoDate.optional(), note: optText(2000) };
export const endRequestInput = z.discriminatedUnion('outcome', [
  z
    .object({
      ...endCommon,
      outcome: z.literal('accepted'),
      institutionId: id,
      acceptedFrom: isoDate,
      acceptedTo: isoDate.nullish().transform((v) => v ?? null),
    })
    .refine((e) => rangeOk(e.acceptedFrom, e.acceptedTo), {
      path: ['acceptedTo'],
      message: 'the end of the stay is before its start',
    }),
  z.object({ ...endCommon, outcome: z.literal('withdrawn') }),
  z.object({ ...endCommon, outcome: z.literal('failed') }),
]);
export type EndRequestInput = z.input<typeof endRequestInput>;

const needsDto = z.object({
  ventilator: z.string(),
  suction: z.string(),
  gastrostomy: z.boolean(),
  careLevel: z.string(),
  note: z.string().nullable(),
});

export const contactDto = z.object({
  id,
  institutionId: z.string(),
  institutionName: z.string(),
  contactedAt: z.string(),
  contactedBy: z.string(),
  contactedByName: z.string(),
  answer: z.enum(['accepted', 'refused', 'pending']),
  refusalReason: z.string().nullable(),
  refusalNote: z.string().nullable(),
  callBackAt: z.string().nullable(),
  followUpId: z.string().nullable(),
  followUpState: z.enum(['open', 'done', 'cancelled']).nullable(),
  note: z.string().nullable(),
});
export type ContactDto = z.infer<typeof contactDto>;

export const consentDto = z.object({
  method: z.string(),
  date: z.string(),
  obtainedBy: z.string(),
  obtainedByName: z.string(),
  withdrawnOn: z.string().nullable(),
});

export const requestDto = z.object({
  id,
  personId: z.string(),
  personName: z.string().nullable(),
  consultationId: z.string(),
  consultationSerial: z.string(),
  kind: z.string(),
  reason: z.string(),
  reasonNote: z.string().nullable(),
  requestedOn: z.string(),
  wantedFrom: z.string(),
  wantedTo: z.string().nullable(),
  needs: needsDto,
  urgency: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  consent: consentDto.nullable(),
  /** consent recorded and not withdrawn: hospitals may be given the person's details */
  mayContact: z.boolean(),
  state: codeOf(COORDINATION_STATES),
  acceptedInstitutionId: z.string().nullable(),
  acceptedInstitutionName: z.string().nullable(),
  acceptedFrom: z.string().nullable(),
  acceptedTo: z.string().nullable(),
  endedOn: z.string().nullable(),
  endNote: z.string().nullable(),
  version: z.number(),
  contacts: z.array(contactDto),
});
export type CoordinationRequestDto = z.infer<typeof requestDto>;

/** A line of the board (no free text: it is the overview a whole office looks at). */
export const boardRow = z.object({
  id,
  personId: z.string(),
  personName: z.string().nullable(),
  kind: z.string(),
  urgency: z.string(),
  state: codeOf(COORDINATION_STATES),
  requestedOn: z.string(),
  wantedFrom: z.string(),
  wantedTo: z.string().nullable(),
  needs: needsDto.omit({ note: true }),
  ownerName: z.string(),
  mayContact: z.boolean(),
  /** hospitals asked (distinct), and how many of them said no at their last answer */
  asked: z.number(),
  refused: z.number(),
  /** the earliest open call-back time, if a hospital is considering */
  nextCallBackAt: z.string().nullable(),
  lastContactAt: z.string().nullable(),
  acceptedInstitutionName: z.string().nullable(),
  endedOn: z.string().nullable(),
});
export type BoardRow = z.infer<typeof boardRow>;

export const NEARNESS = [
  'municipality',
  'health_center',
  'prefecture',
  'unknown',
  'other_prefecture',
] as const;
export type Nearness = (typeof NEARNESS)[number];

export const candidateDto = z.object({
  institutionId: z.string(),
  name: z.string(),
  nameKana: z.string().nullable(),
  type: codeOf(INSTITUTION_TYPES),
  municipalityCode: z.string().nullable(),
  phone: z.string().nullable(),
  /** the request's needs (capability codes) this hospital covers, and those it does not */
  covered: z.array(z.string()),
  missing: z.array(z.string()),
  nearness: z.enum(NEARNESS),
  /** this hospital's last answer for this request, if it was asked */
  lastAnswer: z.enum(['accepted', 'refused', 'pending']).nullable(),
  lastContactAt: z.string().nullable(),
});
export type CandidateDto = z.infer<typeof candidateDto>;

export const coordinationChannels = {
  'coordination.open': channel({ auth: 'session', input: openRequestInput, output: requestDto }),
  'coordination.update': channel({
    auth: 'session',
    input: z.object({ id, expectedVersion: z.number().int().min(1), changes: requestChanges }),
    output: requestDto,
  }),
  'coordination.recordConsent': channel({
    auth: 'session',
    input: z.object({ id, consent: consentInput }),
    output: requestDto,
  }),
  'coordination.withdrawConsent': channel({
    auth: 'session',
    input: z.object({ id, withdrawnOn: isoDate.optional() }),
    output: requestDto,
  }),
  /** one request with every contact (opening it is logged: it shows health information) */
  'coordination.get': channel({ auth: 'session', input: z.object({ id }), output: requestDto }),
  /** the board: open requests by urgency, then wanted date; or ended ones, newest first */
  'coordination.list': channel({
    auth: 'session',
    input: z.object({
      state: z.enum(['open', 'ended', 'all']).default('open'),
      personId: id.optional(),
    }),
    output: z.array(boardRow),
  }),
  /** hospitals to ask, best first (order: electron/services/coordination/candidate-order.ts) */
  'coordination.candidates': channel({
    auth: 'session',
    input: z.object({
      id,
      within: z.enum(['all', 'prefecture', 'health_center', 'municipality']).default('all'),
    }),
    output: z.array(candidateDto),
  }),
  'coordination.logContact': channel({ auth: 'session', input: contactInput, output: requestDto }),
  'coordination.end': channel({ auth: 'session', input: endRequestInput, output: requestDto }),
};
