import { z } from 'zod';
import { STAFF_PROFESSIONS, STAFF_ROLES } from '../vocab';
import { prefectureCode } from './center';
import { channel } from './channel';
import { codeOf, id, okResult, optText } from './common';

export const sessionUser = z.object({
  staffId: id,
  login: z.string(),
  displayName: z.string(),
  role: codeOf(STAFF_ROLES),
  profession: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionStatus = z.object({
  casefileExists: z.boolean(),
  unlocked: z.boolean(),
  centerName: z.string().nullable(),
  user: sessionUser.nullable(),
  schemaVersion: z.number().nullable(),
  /** this run works on the demo case file (fictitious data), not the real one */
  demo: z.boolean(),
  /** how far this device's wall clock is behind what it already wrote (0: no doubt) */
  clockBehindMs: z.number().int().nonnegative(),
});
export type SessionStatus = z.infer<typeof sessionStatus>;

const passphrase = z.string().min(1).max(1024);

export const sessionChannels = {
  'session.status': channel({ auth: 'none', input: z.object({}).default({}), output: sessionStatus }),
  'session.create': channel({
    auth: 'none',
    input: z.object({
      centerName: z.string().trim().min(1).max(200),
      login: z.string().trim().min(1).max(64),
      displayName: z.string().trim().min(1).max(100),
      profession: codeOf(STAFF_PROFESSIONS).nullish(),
      passphrase,
      /** the center's return address for letters, asked at first run (the letterhead) */
      letterhead: z
        .object({ postalCode: optText(10), address: optText(300), phone: optText(40), fax: optText(40) })
        .optional(),
      /** the center's own prefecture: codes of others count as 県外 in statistics */
      prefectureCode: prefectureCode.nullish(),
    }),
    output: z.object({ recoveryCode: z.string(), status: sessionStatus }),
  }),
  'session.login': channel({
    auth: 'none',
    input: z.object({
      login: z.string().trim().min(1).max(64),
      passphrase,
      /** the authenticator code, once SECOND_FACTOR_REQUIRED asked for it */
      secondFactor: z.string().trim().max(20).optional(),
    }),
    output: sessionStatus,
  }),
  /** first run: try the app on a separate, clearly marked demo case file with fictitious data */
  'session.openDemo': channel({
    auth: 'none',
    input: z.object({ passphrase, consultations: z.number().int().min(0).max(5000).default(300) }),
    output: sessionStatus,
  }),
  'session.lock': channel({ auth: 'none', input: z.object({}).default({}), output: okResult }),
  'session.changePassphrase': channel({
    auth: 'session',
    input: z.object({ oldPassphrase: passphrase, newPassphrase: passphrase }),
    output: okResult,
  }),
};
