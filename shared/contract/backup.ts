import { z } from 'zod';
import { channel } from './channel';

const snapshot = z.object({ path: z.string(), takenAt: z.string(), bytes: z.number() });

export const backupStatus = z.object({
  folder: z.string().nullable(),
  lastBackupAt: z.string().nullable(),
  /** no backup, or the last one is more than 7 days old: the screen reminds */
  stale: z.boolean(),
  snapshots: z.array(snapshot),
});

export const backupChannels = {
  /** an encrypted snapshot to a folder (an external drive), keeping daily ×7, weekly ×4, monthly ×12 */
  'backup.run': channel({
    auth: 'session',
    input: z.object({ folder: z.string().min(1).max(1000).optional() }),
    output: z.object({ snapshot, pruned: z.number() }),
  }),
  'backup.status': channel({ auth: 'session', input: z.object({}).default({}), output: backupStatus }),
};
