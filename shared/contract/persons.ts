import { z } from 'zod';
import { AGE_BANDS, SEXES } from '../vocab';
import { channel } from './channel';
import { codeOf, id, isoDate, municipalityCode, optText, page, residence } from './common';

/** A person (療養者). Every field is optional: a record may hold only an age band and a town. */
export const personInput = z.object({
  name: optText(100),
  nameKana: optText(100),
  sex: codeOf(SEXES).nullish(),
  birthDate: isoDate.nullish(),
  ageBand: codeOf(AGE_BANDS).nullish(),
  municipalityCode: municipalityCode.nullish(),
  residence: residence.default('unknown'),
  postalCode: optText(10),
  address: optText(300),
  phone: optText(40),
  email: optText(200),
  notes: optText(2000),
});
export type PersonInput = z.input<typeof personInput>;

export const personSummary = z.object({
  id,
  name: z.string().nullable(),
  nameKana: z.string().nullable(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  ageBand: z.string().nullable(),
  municipalityCode: z.string().nullable(),
});

export const personDetail = personSummary.extend({
  residence: z.string(),
  postalCode: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonDetail = z.infer<typeof personDetail>;

export const timelineItem = z.object({
  at: z.string(),
  kind: z.enum(['consultation', 'follow_up', 'case', 'edit', 'referral', 'letter', 'coordination']),
  id: z.string(),
  title: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type TimelineItem = z.infer<typeof timelineItem>;

export const personChannels = {
  'person.search': channel({
    auth: 'session',
    input: z.object({ query: z.string().max(100).default('') }).extend(page.shape),
    output: z.array(personSummary),
  }),
  'person.get': channel({ auth: 'session', input: z.object({ id }), output: personDetail }),
  'person.create': channel({ auth: 'session', input: personInput, output: personDetail }),
  'person.update': channel({
    auth: 'session',
    input: z.object({ id, expectedVersion: z.number().int().min(1), changes: personInput }),
    output: personDetail,
  }),
  'person.timeline': channel({
    auth: 'session',
    input: z.object({ id }),
    output: z.object({ person: personDetail, items: z.array(timelineItem) }),
  }),
};
