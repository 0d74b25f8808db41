import { z } from 'zod';
import { channel } from './channel';

/**
 * Fills a demo case file (or one with no consultations yet) with FICTITIOUS consultations
 * (架空データ) through the real use cases: the CLI's `yorisoi demo`. Long: progress goes to the
 * door that asks for it.
 */
export const demoChannels = {
  'demo.fill': channel({
    auth: 'session',
    input: z.object({
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 32 - 1)
        .default(1),
      consultations: z.number().int().min(0).max(1_000_000),
    }),
    output: z.object({
      consultations: z.number().int(),
      persons: z.number().int(),
      institutions: z.number().int(),
      events: z.number().int(),
    }),
  }),
};
