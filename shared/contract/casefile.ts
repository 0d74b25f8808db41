import { z } from 'zod';
import { channel } from './channel';

export const integrityReport = z.object({
  ok: z.boolean(),
  problems: z.array(z.string()),
  schemaVersion: z.number(),
});
export type IntegrityReportDto = z.infer<typeof integrityReport>;

/** Administration of the case file itself (the CLI's `verify` and `rotate-key`). */
export const casefileChannels = {
  /** SQLite's integrity and foreign-key checks, and the schema version; logged */
  'casefile.verify': channel({ auth: 'session', input: z.object({}).default({}), output: integrityReport }),
  /**
   * A new data key: the file is re-encrypted, every key slot re-sealed, and a new recovery code
   * (shown once) replaces the old one; logged.
   */
  'casefile.rotateKey': channel({
    auth: 'session',
    input: z.object({}).default({}),
    output: z.object({ recoveryCode: z.string() }),
  }),
};
