import { z } from 'zod';
import { STAFF_PROFESSIONS, STAFF_ROLES } from '../vocab';
import { channel } from './channel';
import { codeOf, id, isoDate, page } from './common';

export const staffDto = z.object({
  id,
  login: z.string(),
  displayName: z.string(),
  role: codeOf(STAFF_ROLES),
  profession: z.string().nullable(),
  active: z.boolean(),
});
export type StaffDto = z.infer<typeof staffDto>;

export const auditEntryDto = z.object({
  id: z.number(),
  at: z.string(),
  login: z.string().nullable(),
  /** the staff member's name for the login (null: no such account here) */
  staffName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  /** the record in words: a consultation's number, a person's name, an institution … */
  target: z.string().nullable(),
  detail: z.unknown(),
});

export const staffChannels = {
  /** everyone may list active staff (responder and owner pickers) */
  'staff.list': channel({
    auth: 'session',
    input: z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false }),
    output: z.array(staffDto),
  }),
  'staff.add': channel({
    auth: 'session',
    input: z.object({
      login: z.string().trim().min(1).max(64),
      displayName: z.string().trim().min(1).max(100),
      role: codeOf(STAFF_ROLES),
      profession: codeOf(STAFF_PROFESSIONS).nullish(),
      passphrase: z.string().min(1).max(1024),
    }),
    output: staffDto,
  }),
  'staff.update': channel({
    auth: 'session',
    input: z.object({
      id,
      displayName: z.string().trim().min(1).max(100).optional(),
      role: codeOf(STAFF_ROLES).optional(),
      profession: codeOf(STAFF_PROFESSIONS).nullish(),
    }),
    output: staffDto,
  }),
  /** deactivate: the row stays (records cite it), the key slot goes */
  'staff.deactivate': channel({ auth: 'session', input: z.object({ id }), output: staffDto }),
  'audit.list': channel({
    auth: 'session',
    input: z
      .object({
        login: z.string().optional(),
        action: z.string().optional(),
        entityId: z.string().optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
      })
      .extend(page.shape),
    output: z.object({ total: z.number(), rows: z.array(auditEntryDto) }),
  }),
};
