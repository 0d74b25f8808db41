import { z } from 'zod';
import type { VocabEntry } from '../vocab/vocab';
import { channel } from './channel';
import { codeOf, id, isoDate, optText } from './common';

/**
 * Kinds of events a center holds (DOMAIN §1 work areas Ⅰ, Ⅱ, Ⅳ). Kept here with the contract
 * until a vocabulary file takes them; codes are stable (statistics table 10 counts by them).
 */
export const EVENT_KINDS = [
  { code: 'outreach_consultation', ja: '出張相談会', en: 'Outreach consultation day' },
  { code: 'medical_consultation', ja: '医療相談会', en: 'Medical consultation day' },
  { code: 'exchange_meeting', ja: '交流会', en: 'Exchange meeting' },
  { code: 'lecture', ja: '講演会', en: 'Lecture' },
  { code: 'training', ja: '研修会', en: 'Training' },
  { code: 'peer_training', ja: 'ピア・サポーター研修', en: 'Peer-supporter training' },
] as const satisfies readonly VocabEntry[];

export type EventKind = (typeof EVENT_KINDS)[number]['code'];

/** A co-organiser or partner: a directory institution, or just a name. */
export const eventOrganiser = z.object({
  name: z.string().trim().min(1).max(200),
  institutionId: id.nullish().transform((v) => v ?? null),
});

export const eventInput = z.object({
  kind: codeOf(EVENT_KINDS),
  title: z.string().trim().min(1).max(200),
  date: isoDate,
  place: optText(300),
  organisers: z.array(eventOrganiser).max(20).default([]),
  /** people who attended; null until counted */
  participants: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .nullish()
    .transform((v) => v ?? null),
  notes: optText(2000),
});
export type EventInput = z.input<typeof eventInput>;

export const eventDto = z.object({
  id,
  kind: codeOf(EVENT_KINDS),
  title: z.string(),
  date: z.string(),
  place: z.string().nullable(),
  organisers: z.array(z.object({ name: z.string(), institutionId: z.string().nullable() })),
  participants: z.number().nullable(),
  notes: z.string().nullable(),
  /** consultations recorded with this event as their site */
  consultationCount: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventDto = z.infer<typeof eventDto>;

export const eventChannels = {
  'event.create': channel({ auth: 'session', input: eventInput, output: eventDto }),
  'event.update': channel({
    auth: 'session',
    input: z.object({ id, expectedVersion: z.number().int().min(1), changes: eventInput }),
    output: eventDto,
  }),
  /** events by date (newest first), optionally within dates and of one kind */
  'event.list': channel({
    auth: 'session',
    input: z
      .object({
        from: isoDate.optional(),
        to: isoDate.optional(),
        kind: codeOf(EVENT_KINDS).optional(),
      })
      .default({}),
    output: z.array(eventDto),
  }),
};
