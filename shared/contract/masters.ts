import { z } from 'zod';
import { channel } from './channel';

export const diseaseEntry = z.object({
  number: z.number(),
  listVersion: z.string(),
  nameJa: z.string(),
  groups: z.array(z.string()),
  /** the name's reading (hiragana), where known */
  reading: z.string().nullable(),
  /** abbreviations and other names counselors type (ALS, SCD, 特発性血小板減少性紫斑病 …) */
  aliases: z.array(z.string()),
});
export const municipalityEntry = z.object({
  code: z.string(),
  prefCode: z.string(),
  prefName: z.string(),
  name: z.string(),
  nameKana: z.string(),
});

/** Reference lists for pickers (not personal data). */
export const masterChannels = {
  /** the newest list; with `query`, the matches by number, name, reading or abbreviation */
  'master.diseases': channel({
    auth: 'session',
    input: z.object({ query: z.string().max(100).optional() }).default({}),
    output: z.array(diseaseEntry),
  }),
  'master.municipalities': channel({
    auth: 'session',
    input: z
      .object({
        prefCode: z
          .string()
          .regex(/^\d{2}$/)
          .optional(),
      })
      .default({}),
    output: z.array(municipalityEntry),
  }),
};
