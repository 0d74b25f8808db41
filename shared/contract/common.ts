import { z } from 'zod';
import { isValidMunicipalityCode } from '../codes/municipality-code';
import { isIsoDate } from '../dates/iso-date';
import type { VocabEntry } from '../vocab/vocab';

/** A zod enum of a vocabulary's codes. */
export function codeOf<T extends readonly VocabEntry[]>(list: T) {
  return z.enum(list.map((e) => e.code) as [T[number]['code'], ...T[number]['code'][]]);
}

export const id = z.string().uuid();
export const isoDate = z.string().refine(isIsoDate, { message: 'expected a real date YYYY-MM-DD' });
/** Local date-time as people give it: `YYYY-MM-DDTHH:MM` (seconds optional). */
export const isoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'expected YYYY-MM-DDTHH:MM')
  .refine((s) => isIsoDate(s.slice(0, 10)), { message: 'expected a real date' });
export const municipalityCode = z.string().refine(isValidMunicipalityCode, {
  message: 'expected a 6-digit municipality code with a valid check digit',
});
/** Free text: trimmed; empty becomes null. */
export const optText = (max = 2000) =>
  z
    .string()
    .max(max)
    .transform((s) => (s.trim() === '' ? null : s.trim()))
    .nullish()
    .transform((v) => v ?? null);
export const residence = z.enum(['in_pref', 'out_of_pref', 'unknown']);
export const page = z.object({
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export const okResult = z.object({ ok: z.literal(true) });
