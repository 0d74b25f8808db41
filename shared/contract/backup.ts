import { z } from 'zod';
import { channel } from './channel';

const snapshot = z.object({ path: z.string(), takenAt: z.string(), bytes: z.number() });

export const backupStatus = z.object({
  /** the configured folder (an external drive), or null */
  folder: z.string().nullable(),
  /** the folder is there now (a USB stick that is unplugged is not) */
  folderAvailable: z.boolean(),
  /** the folder is on the same disk as the case file: one failure or theft takes both */
  sameDiskAsCaseFile: z.boolean(),
  lastBackupAt: z.string().nullable(),
  /** whole days since the last backup (null: never) */
  daysSinceLast: z.number().nullable(),
  /** remind when the last backup is older than this many days */
  remindAfterDays: z.number(),
  /** no backup yet, or the last one is older than `remindAfterDays`: the app reminds */
  stale: z.boolean(),
  snapshots: z.array(snapshot),
});
export type BackupStatusDto = z.infer<typeof backupStatus>;

const restored = z.object({
  deviceId: z.string(),
  /** where the case file that was replaced is kept (null: there was none) */
  replaced: z.string().nullable(),
});
const secret = z.string().min(1).max(1024);
const snapshotPath = z.string().trim().min(1).max(1000);

export const backupChannels = {
  /**
   * An encrypted snapshot to the configured folder (or, from the CLI, a folder given for this
   * run), keeping daily ×7, weekly ×4, monthly ×12.
   */
  'backup.run': channel({
    auth: 'session',
    input: z.object({ folder: z.string().min(1).max(1000).optional() }),
    output: z.object({ snapshot, pruned: z.number() }),
  }),
  'backup.status': channel({ auth: 'session', input: z.object({}).default({}), output: backupStatus }),
  /** administrators: where backups go (the folder must exist and be writable) and when to remind */
  'backup.setFolder': channel({
    auth: 'session',
    input: z.object({
      folder: z.string().trim().min(1).max(1000),
      remindAfterDays: z.number().int().min(1).max(90).default(7),
    }),
    output: backupStatus,
  }),
  /**
   * Administrators: a snapshot becomes the case file. It must open with the signed-in account's
   * passphrase (as it was when the backup was taken) and pass the integrity check first; then the
   * session ends, the current file is kept as `.replaced-<time>`, and the restored file takes a
   * new device id. Sign in again afterwards.
   */
  'backup.restore': channel({
    auth: 'session',
    input: z.object({
      snapshot: snapshotPath,
      passphrase: secret,
      secondFactor: z.string().max(20).optional(),
    }),
    output: restored,
  }),
  /**
   * No case file here any more (a new or repaired PC): a snapshot becomes the case file, if the
   * account it is opened with is an administrator in it. Refused while a case file exists.
   */
  'backup.restoreLost': channel({
    auth: 'none',
    input: z.object({
      snapshot: snapshotPath,
      login: z.string().trim().min(1).max(64),
      passphrase: secret,
      secondFactor: z.string().max(20).optional(),
    }),
    output: restored,
  }),
};
