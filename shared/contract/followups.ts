import { z } from 'zod';
import { OUTCOMES } from '../vocab';
import { channel } from './channel';
import { codeOf, id, isoDate, optText } from './common';

export const followUpDto = z.object({
  id,
  caseId: z.string().nullable(),
  consultationId: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  title: z.string(),
  dueDate: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  state: z.enum(['open', 'done', 'cancelled']),
  note: z.string().nullable(),
  completedAt: z.string().nullable(),
  version: z.number(),
});
export type FollowUpDto = z.infer<typeof followUpDto>;

export const caseDto = z.object({
  id,
  personId: z.string().nullable(),
  title: z.string(),
  state: z.enum(['open', 'closed']),
  ownerId: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  version: z.number(),
});
export type CaseDto = z.infer<typeof caseDto>;

export const dueBuckets = z.object({
  overdue: z.array(followUpDto),
  today: z.array(followUpDto),
  thisWeek: z.array(followUpDto),
});
export type DueBuckets = z.infer<typeof dueBuckets>;

export const followUpChannels = {
  'followup.create': channel({
    auth: 'session',
    input: z.object({
      title: z.string().trim().min(1).max(200),
      dueDate: isoDate,
      ownerId: id.optional(),
      caseId: id.nullish(),
      consultationId: id.nullish(),
      personId: id.nullish(),
      note: optText(2000),
    }),
    output: followUpDto,
  }),
  'followup.complete': channel({
    auth: 'session',
    input: z.object({ id, note: optText(2000) }),
    output: followUpDto,
  }),
  'followup.reschedule': channel({
    auth: 'session',
    input: z.object({ id, dueDate: isoDate }),
    output: followUpDto,
  }),
  'followup.reassign': channel({
    auth: 'session',
    input: z.object({ id, ownerId: id }),
    output: followUpDto,
  }),
  'followup.cancel': channel({
    auth: 'session',
    input: z.object({ id, note: optText(2000) }),
    output: followUpDto,
  }),
  /** due today / overdue / this week (today + 7 days), for me or for everyone */
  'followup.due': channel({
    auth: 'session',
    input: z.object({ scope: z.enum(['mine', 'all']).default('mine'), today: isoDate.optional() }),
    output: dueBuckets,
  }),
  'case.open': channel({
    auth: 'session',
    input: z.object({
      personId: id.nullish(),
      title: z.string().trim().min(1).max(200),
      ownerId: id.optional(),
    }),
    output: caseDto,
  }),
  'case.close': channel({
    auth: 'session',
    input: z.object({ id, outcome: codeOf(OUTCOMES), outcomeNote: optText(2000) }),
    output: caseDto,
  }),
  'case.list': channel({
    auth: 'session',
    input: z.object({ personId: id.optional(), state: z.enum(['open', 'closed']).optional() }),
    output: z.array(caseDto),
  }),
};
