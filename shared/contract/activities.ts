import { z } from 'zod';
import { ACTIVITY_KINDS } from '../vocab/activity-kinds';
import { channel } from './channel';
import { codeOf, id, isoDate, optText } from './common';

/** An institution that attended: one of the directory, or just a name. */
export const activityAttendee = z.object({
  name: z.string().trim().min(1).max(200),
  institutionId: id.nullish().transform((v) => v ?? null),
});

/**
 * 地域支援対策事業 (Ⅴ), 協議会, 支援者会議, 日常生活用具の展示: what was done, when, with whom, and
 * how many people came (visitors, for a display). Counted in statistics table 14.
 */
export const activityInput = z.object({
  kind: codeOf(ACTIVITY_KINDS),
  /** the project, or the meeting's topic */
  title: z.string().trim().min(1).max(200),
  date: isoDate,
  place: optText(300),
  attendees: z.array(activityAttendee).max(50).default([]),
  /** people who took part (visitors for a display); null until counted */
  participants: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .nullish()
    .transform((v) => v ?? null),
  notes: optText(2000),
});
export type ActivityInput = z.input<typeof activityInput>;

export const activityDto = z.object({
  id,
  kind: codeOf(ACTIVITY_KINDS),
  title: z.string(),
  date: z.string(),
  place: z.string().nullable(),
  attendees: z.array(z.object({ name: z.string(), institutionId: z.string().nullable() })),
  participants: z.number().nullable(),
  notes: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActivityDto = z.infer<typeof activityDto>;

export const activityChannels = {
  'activity.create': channel({ auth: 'session', input: activityInput, output: activityDto }),
  'activity.update': channel({
    auth: 'session',
    input: z.object({ id, expectedVersion: z.number().int().min(1), changes: activityInput }),
    output: activityDto,
  }),
  /** activities by date (newest first), optionally within dates and of one kind */
  'activity.list': channel({
    auth: 'session',
    input: z
      .object({
        from: isoDate.optional(),
        to: isoDate.optional(),
        kind: codeOf(ACTIVITY_KINDS).optional(),
      })
      .default({}),
    output: z.array(activityDto),
  }),
};
