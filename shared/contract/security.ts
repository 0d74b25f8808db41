import { z } from 'zod';
import { channel } from './channel';
import { id, isoDate, okResult } from './common';

/** A code as typed: digits, maybe with a space or full-width digits from an IME. */
const totpCode = z.string().trim().min(1).max(20);

export const totpStatus = z.object({
  /** sign-in asks for a code */
  enabled: z.boolean(),
  /** an enrolment was started and not yet confirmed */
  pending: z.boolean(),
});

export const chainReport = z.object({
  ok: z.boolean(),
  entries: z.number(),
  firstBroken: z
    .object({
      id: z.number(),
      at: z.string().nullable(),
      action: z.string().nullable(),
      reason: z.enum(['altered', 'link', 'unchained', 'head', 'anchor', 'meta']),
    })
    .nullable(),
  head: z.object({ id: z.number(), mac: z.string() }).nullable(),
  checkedAt: z.string(),
});
export type ChainReportDto = z.infer<typeof chainReport>;

/** The audit view's filters: user, person (or any record id), action, local date range. */
export const auditFilter = z.object({
  login: z.string().max(64).optional(),
  action: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const securityChannels = {
  /** the signed-in user's own second factor */
  'totp.status': channel({ auth: 'session', input: z.object({}).default({}), output: totpStatus }),
  /** starts (or restarts) an enrolment: a new secret, shown once as a QR code and in base32 */
  'totp.begin': channel({
    auth: 'session',
    input: z.object({}).default({}),
    output: z.object({ secret: z.string(), uri: z.string(), account: z.string() }),
  }),
  /** one current code from the app proves it was set up; from then on sign-in asks for codes */
  'totp.confirm': channel({ auth: 'session', input: z.object({ code: totpCode }), output: totpStatus }),
  /** turning it off needs a current code too (a walk-up to an unlocked screen cannot) */
  'totp.disable': channel({ auth: 'session', input: z.object({ code: totpCode }), output: totpStatus }),
  /** administrators: remove another account's second factor (lost phone); logged */
  'totp.reset': channel({ auth: 'session', input: z.object({ staffId: id }), output: okResult }),
  /** administrators: which accounts have a second factor */
  'totp.accounts': channel({
    auth: 'session',
    input: z.object({}).default({}),
    output: z.array(z.object({ staffId: id, enabled: z.boolean() })),
  }),
  /** administrators: check the audit log's hash chain end to end */
  'audit.verify': channel({ auth: 'session', input: z.object({}).default({}), output: chainReport }),
  /** administrators: the filtered audit log as CSV (UTF-8 with BOM, opens in Excel); logged */
  'audit.export': channel({
    auth: 'session',
    input: auditFilter.extend({ lang: z.enum(['ja', 'en']).default('ja') }),
    output: z.object({ filename: z.string(), mimeType: z.string(), base64: z.string(), rows: z.number() }),
  }),
};
