import { z } from 'zod';
import { TEMPLATE_SPECS } from '../letters/template-spec';
import { CONSENT_DATA_ITEMS, CONSENT_METHODS, LETTER_TEMPLATES, REFERRAL_STATES } from '../vocab';
import { channel } from './channel';
import { codeOf, id, isoDate, optText, page } from './common';

/** Text a letter prints as typed (may be empty). */
const text = (max: number) => z.string().max(max).default('');

export const honorific = z.enum(['sama', 'onchu', 'sensei']);

/**
 * A letter before it is issued: every field filled from the case file by `letter.draft`, then
 * edited by the counselor. Labels are Japanese text (the letter is a Japanese document).
 */
export const letterDraft = z
  .object({
    template: codeOf(LETTER_TEMPLATES),
    issuedOn: isoDate,
    title: z.string().trim().min(1).max(100),
    addressee: z.object({
      organisation: z.string().trim().min(1).max(200),
      department: text(200),
      person: text(100),
      honorific,
    }),
    sender: z.object({
      centerName: text(200),
      postalCode: text(10),
      address: text(300),
      phone: text(40),
      fax: text(40),
      email: text(200),
      staffName: text(100),
      staffProfession: text(100),
    }),
    person: z.object({
      name: text(100),
      nameKana: text(100),
      birthDate: isoDate.nullable().default(null),
      sex: text(20),
      postalCode: text(10),
      address: text(300),
      phone: text(40),
      municipality: text(100),
    }),
    disease: z.object({
      names: text(500),
      diagnosisStatus: text(50),
      recipientCert: text(50),
      disabilityCert: text(50),
      ltcLevel: text(50),
      hospital: text(200),
      doctor: text(100),
    }),
    history: z
      .array(z.object({ date: isoDate, method: text(50), topics: text(300) }))
      .max(30)
      .default([]),
    purposes: z.array(z.string().max(40)).max(10).default([]),
    purposeOther: text(500),
    sections: z.record(z.string().max(40), z.string().max(4000)).default({}),
    choices: z.record(z.string().max(40), z.string().max(40)).default({}),
    dataItems: z.array(codeOf(CONSENT_DATA_ITEMS)).min(1),
    /** enclose a T5 reply form (T1–T4) */
    includeReplyForm: z.boolean().default(true),
    replyDueOn: isoDate.nullable().default(null),
    /** T5: the number of the letter this reply form answers */
    referenceNumber: text(60),
  })
  .superRefine((d, ctx) => {
    const spec = TEMPLATE_SPECS[d.template];
    const purposes = new Set(spec.purposes.map((p) => p.code));
    for (const p of d.purposes)
      if (!purposes.has(p))
        ctx.addIssue({ code: 'custom', path: ['purposes'], message: `unknown purpose ${p}` });
    const sections = new Set(spec.sections.map((x) => x.key));
    for (const k of Object.keys(d.sections))
      if (!sections.has(k))
        ctx.addIssue({ code: 'custom', path: ['sections', k], message: 'unknown section' });
    for (const [k, v] of Object.entries(d.choices)) {
      const c = spec.choices.find((x) => x.key === k);
      if (!c || !c.options.some((o) => o.code === v))
        ctx.addIssue({ code: 'custom', path: ['choices', k], message: 'unknown choice' });
    }
    if (!d.dataItems.includes('identity'))
      ctx.addIssue({ code: 'custom', path: ['dataItems'], message: 'a letter always identifies the person' });
    if (new Set(d.dataItems).size !== d.dataItems.length)
      ctx.addIssue({ code: 'custom', path: ['dataItems'], message: 'duplicate item' });
  });
export type LetterDraft = z.output<typeof letterDraft>;
export type LetterDraftInput = z.input<typeof letterDraft>;

export const consentDto = z.object({
  id,
  personId: id,
  referralId: z.string().nullable(),
  recipients: z.array(z.object({ id: z.string(), name: z.string() })),
  dataItems: z.array(z.string()),
  method: codeOf(CONSENT_METHODS),
  obtainedOn: z.string(),
  obtainedBy: z.object({ id: z.string(), name: z.string() }),
  note: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawalNote: z.string().nullable(),
  version: z.number(),
});
export type ConsentDto = z.infer<typeof consentDto>;

export const referralDto = z.object({
  id,
  consultationId: z.string(),
  consultationSerial: z.string(),
  personId: z.string(),
  personName: z.string().nullable(),
  institution: z.object({ id: z.string(), name: z.string(), type: z.string() }),
  template: z.enum(['t1', 't2', 't3', 't4']),
  purpose: z.string().nullable(),
  requestedOn: z.string(),
  replyDueOn: z.string().nullable(),
  followUpId: z.string().nullable(),
  state: codeOf(REFERRAL_STATES),
  stateNote: z.string().nullable(),
  reply: z
    .object({
      receivedOn: z.string(),
      decision: z.enum(['accepted', 'declined']),
      personInCharge: z.string().nullable(),
      action: z.string().nullable(),
      centerFollowUp: z.boolean(),
    })
    .nullable(),
  letterCount: z.number(),
  /** the admission/respite coordination this referral comes from, if any */
  coordinationRequestId: z.string().nullable(),
  /**
   * that request's consent to give the person's details to hospitals, while it holds: shown
   * (and offered as a starting point) when the letter's own consent is recorded; never the
   * letter's consent itself
   */
  coordinationConsent: z
    .object({ method: z.string(), date: z.string(), obtainedBy: z.string(), obtainedByName: z.string() })
    .nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type ReferralDto = z.infer<typeof referralDto>;

export const letterEntry = z.object({
  id,
  referralId: z.string(),
  personId: z.string(),
  personName: z.string().nullable(),
  institutionId: z.string(),
  institutionName: z.string(),
  template: codeOf(LETTER_TEMPLATES),
  documentNumber: z.string(),
  issuedOn: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  addressee: z.string(),
  title: z.string(),
  dataItems: z.array(z.string()),
  consentId: z.string().nullable(),
  consentLine: z.string(),
  overrideReason: z.string().nullable(),
  withReplyForm: z.boolean(),
  pdfSha256: z.string(),
  pdfBytes: z.number(),
  copies: z.number(),
});
export type LetterEntry = z.infer<typeof letterEntry>;

export const pdfFile = z.object({
  filename: z.string(),
  mimeType: z.literal('application/pdf'),
  base64: z.string(),
  bytes: z.number(),
  sha256: z.string(),
});
export type PdfFile = z.infer<typeof pdfFile>;

export const provisionRow = z.object({
  at: z.string(),
  kind: z.enum(['letter', 'pdf_file', 'reprint', 'provision_log']),
  letterId: z.string().nullable(),
  documentNumber: z.string().nullable(),
  recipient: z.string().nullable(),
  dataItems: z.array(z.string()),
  consentLine: z.string().nullable(),
  override: z.boolean(),
  by: z.string(),
  fileName: z.string().nullable(),
});
export type ProvisionRow = z.infer<typeof provisionRow>;

export const letterhead = z.object({
  centerName: optText(200),
  postalCode: optText(10),
  address: optText(300),
  phone: optText(40),
  fax: optText(40),
  email: optText(200),
  /** printed before 第…号 (e.g. 埼難相); give each device its own when several issue letters */
  documentSymbol: optText(20),
});
export type Letterhead = z.output<typeof letterhead>;

/** What the preview knows about consent for this letter right now. */
export const consentCheck = z.object({
  status: z.enum(['ok', 'missing', 'scope']),
  consentId: z.string().nullable(),
  line: z.string().nullable(),
  missingItems: z.array(z.string()),
});
export type ConsentCheck = z.infer<typeof consentCheck>;

const override = z.object({ reason: z.string().max(1000) });

export const letterChannels = {
  'consent.record': channel({
    auth: 'session',
    input: z.object({
      personId: id,
      referralId: id.nullish(),
      recipientIds: z.array(id).min(1).max(20),
      dataItems: z.array(codeOf(CONSENT_DATA_ITEMS)).min(1),
      method: codeOf(CONSENT_METHODS),
      obtainedOn: isoDate,
      obtainedBy: id.optional(),
      note: optText(2000),
    }),
    output: consentDto,
  }),
  'consent.withdraw': channel({
    auth: 'session',
    input: z.object({ id, withdrawnOn: isoDate, note: optText(2000) }),
    output: consentDto,
  }),
  'consent.list': channel({
    auth: 'session',
    input: z.object({ personId: id }),
    output: z.array(consentDto),
  }),

  'referral.create': channel({
    auth: 'session',
    input: z
      .object({
        /** both required, unless the referral comes from a coordination request (then its own) */
        consultationId: id.optional(),
        institutionId: id.optional(),
        template: z.enum(['t1', 't2', 't3', 't4']).optional(),
        purpose: optText(1000),
        requestedOn: isoDate.optional(),
        /** the reply is due then: a follow-up is opened for it */
        replyDueOn: isoDate.nullish(),
        followUpOwnerId: id.optional(),
        /**
         * an accepted (受入決定) admission/respite request: the referral is its T3 letter to the
         * accepted hospital, for the request's consultation and person
         */
        coordinationRequestId: id.optional(),
      })
      .refine((r) => r.coordinationRequestId || (r.consultationId && r.institutionId), {
        path: ['institutionId'],
        message: 'a referral needs a consultation and an institution (or a coordination request)',
      }),
    output: referralDto,
  }),
  'referral.transition': channel({
    auth: 'session',
    input: z.object({ id, to: codeOf(REFERRAL_STATES), note: optText(1000) }),
    output: referralDto,
  }),
  /** the recipient's T5 reply: closes the referral and its reply-due follow-up */
  'referral.recordReply': channel({
    auth: 'session',
    input: z.object({
      id,
      receivedOn: isoDate,
      decision: z.enum(['accepted', 'declined']),
      personInCharge: optText(100),
      action: optText(2000),
      centerFollowUp: z.boolean(),
      /** when the center follows up: due date of the new follow-up (default a week after receipt) */
      followUpDueOn: isoDate.optional(),
    }),
    output: referralDto,
  }),
  'referral.get': channel({ auth: 'session', input: z.object({ id }), output: referralDto }),
  'referral.list': channel({
    auth: 'session',
    input: z.object({
      personId: id.optional(),
      consultationId: id.optional(),
      /** the referrals made from one coordination request (its T3 letter) */
      coordinationRequestId: id.optional(),
      openOnly: z.boolean().default(false),
    }),
    output: z.array(referralDto),
  }),

  /** a draft filled from the case file (person, disease, history, addressee, sender) */
  'letter.draft': channel({
    auth: 'session',
    input: z.object({ referralId: id, template: codeOf(LETTER_TEMPLATES).optional() }),
    output: letterDraft,
  }),
  /** the HTML the issue will print (same renderer), and whether consent covers it */
  'letter.preview': channel({
    auth: 'session',
    input: z.object({
      referralId: id,
      draft: letterDraft,
      consentId: id.optional(),
      override: override.optional(),
    }),
    output: z.object({ html: z.string(), consent: consentCheck }),
  }),
  'letter.issue': channel({
    auth: 'session',
    input: z.object({
      referralId: id,
      draft: letterDraft,
      /** the consent to issue under (default: the newest valid one covering the recipient) */
      consentId: id.optional(),
      /** the emergency exception (生命・身体の保護): needs a written reason */
      override: override.optional(),
    }),
    output: letterEntry,
  }),
  'letter.register': channel({
    auth: 'session',
    input: z.object({ personId: id.optional(), referralId: id.optional() }).extend(page.shape),
    output: z.object({ total: z.number(), rows: z.array(letterEntry) }),
  }),
  /** the stored PDF, byte for byte, to print again; logged as a copy */
  'letter.reprint': channel({ auth: 'session', input: z.object({ id }), output: pdfFile }),
  /** the stored PDF to save to disk: an explicit export, logged */
  'letter.export': channel({ auth: 'session', input: z.object({ id }), output: pdfFile }),
  /** 提供記録: every letter and every copy that left, for one person */
  'letter.provisionLog': channel({
    auth: 'session',
    input: z.object({ personId: id }),
    output: z.object({ personName: z.string().nullable(), rows: z.array(provisionRow) }),
  }),
  /** the provision log as a PDF (itself logged: it names the person) */
  'letter.provisionLogPdf': channel({ auth: 'session', input: z.object({ personId: id }), output: pdfFile }),
  'letter.letterhead.get': channel({ auth: 'session', input: z.object({}), output: letterhead }),
  'letter.letterhead.set': channel({ auth: 'session', input: letterhead, output: letterhead }),
};
