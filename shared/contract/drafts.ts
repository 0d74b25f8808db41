import { z } from 'zod';
import { channel } from './channel';
import { okResult } from './common';

/**
 * Unsaved forms, kept inside the encrypted case file as the user types, so a lock or a crash
 * never loses a half-written consultation. One draft per user and kind; never synced.
 */
const kind = z.enum(['intake']);
const draftData = z.record(z.string(), z.unknown()).refine((d) => JSON.stringify(d).length <= 200_000, {
  message: 'draft too large',
});

export const draftChannels = {
  'draft.save': channel({
    auth: 'session',
    input: z.object({ kind, data: draftData }),
    output: z.object({ updatedAt: z.string() }),
  }),
  'draft.get': channel({
    auth: 'session',
    input: z.object({ kind }),
    output: z.object({ data: z.record(z.string(), z.unknown()), updatedAt: z.string() }).nullable(),
  }),
  'draft.discard': channel({ auth: 'session', input: z.object({ kind }), output: okResult }),
};
