import { z } from 'zod';
import { channel } from './channel';
import { okResult, page } from './common';

/**
 * Sync between installations (DESIGN "Sync: op log, bundles, receipts"): identity and pairing,
 * bundle and receipt files, the queue per peer, conflicts, progress, the export log, and the
 * prefecture's per-center counts. Files are named by path on this machine: the screen picks
 * them with the shell's dialogs (or uses the configured folder) and passes the path.
 */
const path = z.string().trim().min(1).max(4096);
const deviceRef = z.string().trim().min(1).max(200);
const vector = z.record(z.string(), z.number());
export const sharingProfile = z.enum(['full', 'statistics']);
export const syncMode = z.enum(['center', 'prefecture']);

export const identityDto = z.object({
  deviceId: z.string(),
  centerName: z.string(),
  mode: syncMode,
  /** 4×4 characters to read aloud and compare before pairing */
  fingerprint: z.string(),
  /** the identity card (public keys only), as the text of a card file */
  card: z.string(),
});

export const cardPreviewDto = z.object({
  deviceId: z.string(),
  centerName: z.string(),
  role: syncMode,
  fingerprint: z.string(),
  suggestedProfile: sharingProfile,
  alreadyPaired: z.boolean(),
  isThisDevice: z.boolean(),
  /**
   * Paired devices that already deliver for the same center as this card (same center id: an
   * office PC restored from a backup, or a copy of it): the new device joins their center.
   */
  sameCenterPeers: z.array(
    z.object({ deviceId: z.string(), centerName: z.string(), label: z.string().nullable() }),
  ),
});

export const peerDto = z.object({
  deviceId: z.string(),
  label: z.string().nullable(),
  centerName: z.string(),
  role: syncMode,
  profile: sharingProfile,
  fingerprint: z.string(),
  /** the center this device delivers for (several devices of one center share it) */
  centerId: z.string(),
  active: z.boolean(),
  pairedAt: z.string(),
  /** ops this device holds that the peer has not acknowledged (by receipt) */
  waitingOps: z.number(),
  /** about how large the next bundle to it is (its body before compression) */
  waitingBytes: z.number(),
  /** the next bundle to it carries a snapshot of the rows (ops it lacks were pruned here) */
  snapshotDue: z.boolean(),
  /** whole days since anything came from it (a receipt or a bundle), or since pairing */
  silentDays: z.number(),
  /** changes wait and nothing came for STALLED_DAYS: deliver, or retire it if it is gone */
  stalled: z.boolean(),
  acknowledged: vector,
  lastExportAt: z.string().nullable(),
  lastExportOps: z.number().nullable(),
  lastReceiptAt: z.string().nullable(),
  lastImportAt: z.string().nullable(),
  lastImportOps: z.number().nullable(),
});
export type PeerDto = z.infer<typeof peerDto>;

/** a clock this device has reason to doubt (issue 17): a peer's by its last file, or its own */
export const clockWarningDto = z.object({
  deviceId: z.string(),
  /** the peer's label or center name (null: this device) */
  name: z.string().nullable(),
  self: z.boolean(),
  kind: z.enum(['ahead', 'behind']),
  /** how far that clock is from this device's (ms; + ahead, − behind); for itself, from what it wrote */
  offsetMs: z.number(),
  checkedAt: z.string().nullable(),
});
export type ClockWarningDto = z.infer<typeof clockWarningDto>;

export const syncStatusDto = z.object({
  mode: syncMode,
  folder: z.string().nullable(),
  device: z.object({ deviceId: z.string(), centerName: z.string(), fingerprint: z.string() }),
  /** this device's version vector: per origin, the highest op held without a gap */
  vector,
  peers: z.array(peerDto),
  /** received ops (or fields) waiting for an app update or a missing row */
  pending: z.object({ total: z.number(), byReason: z.record(z.string(), z.number()) }),
  openConflicts: z.number(),
  clockWarnings: z.array(clockWarningDto),
});
export type SyncStatusDto = z.infer<typeof syncStatusDto>;

export const exportResultDto = z.object({
  file: z.string(),
  peer: z.string(),
  profile: sharingProfile,
  bundleId: z.string(),
  ops: z.number(),
  bytes: z.number(),
});

export const importResultDto = z.object({
  bundleId: z.string(),
  from: z.object({ deviceId: z.string(), centerName: z.string() }),
  received: z.number(),
  applied: z.number(),
  /** already here (a second import, or an overlapping bundle) */
  duplicates: z.number(),
  /** beyond a gap in their origin's sequence: they come again in a later bundle */
  deferred: z.number(),
  /** kept until the app is updated (or the row they edit arrives) */
  parked: z.number(),
  newConflicts: z.number(),
  senderSchemaVersion: z.number(),
  senderIsNewer: z.boolean(),
});
export type ImportResultDto = z.infer<typeof importResultDto>;

export const receiptExportDto = z.object({ file: z.string(), peer: z.string(), bytes: z.number() });
export const receiptImportDto = z.object({
  from: z.object({ deviceId: z.string(), centerName: z.string() }),
  acknowledged: vector,
  waitingOps: z.number(),
});

export const folderImportDto = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      kind: z.enum(['bundle', 'receipt']),
      ok: z.boolean(),
      code: z.string().nullable(),
      message: z.string().nullable(),
      bundle: importResultDto.nullable(),
      receipt: receiptImportDto.nullable(),
    }),
  ),
  /** files for this device imported before (left out: importing again changes nothing) */
  alreadyImported: z.number(),
});

const conflictSide = z.object({
  value: z.unknown(),
  /** a state transition (issue 17): what this side chose, field by field (state, outcome, note…) */
  group: z.record(z.string(), z.unknown()).nullable(),
  hlc: z.string(),
  /** when the edit was made, by the writing device's wall clock (not the merge clock) */
  at: z.string(),
  /** the merge clock ran ahead of that wall clock by more than an hour (a device's date was off) */
  clockAhead: z.boolean(),
  deviceId: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
});
export const conflictDto = z.object({
  id: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** what a person recognises the record by: a name, a serial, a title (null: none here) */
  record: z.string().nullable(),
  /** a field, or a state transition's name (`state`, `consent`, `withdrawal`, `resolution`) */
  field: z.string(),
  /** a conflict about a decision (entity `sync_conflict`): the record and field it was about */
  about: z
    .object({ entity: z.string(), entityId: z.string(), record: z.string().nullable(), field: z.string() })
    .nullable(),
  /** the value the record holds now (the later writer) */
  current: conflictSide,
  /** the value that was overwritten by someone who had not seen it */
  other: conflictSide,
  detectedAt: z.string(),
  resolution: z
    .object({
      choice: z.enum(['keep', 'take']),
      at: z.string(),
      by: z.string(),
      byName: z.string().nullable(),
    })
    .nullable(),
});
export type ConflictDto = z.infer<typeof conflictDto>;

export const progressDto = z.object({
  job: z
    .object({
      kind: z.enum(['export', 'import']),
      phase: z.string(),
      done: z.number(),
      total: z.number().nullable(),
      startedAt: z.string(),
    })
    .nullable(),
});

export const exportLogEntryDto = z.object({
  at: z.string(),
  login: z.string().nullable(),
  kind: z.enum(['bundle', 'receipt']),
  peer: z.string(),
  centerName: z.string().nullable(),
  profile: z.string().nullable(),
  ops: z.number().nullable(),
  bytes: z.number().nullable(),
  file: z.string().nullable(),
});

export const centerSummaryDto = z.object({
  rows: z.array(
    z.object({
      /** the center's id (several devices may deliver for it), or this device's own */
      centerId: z.string(),
      /** one device of the center (the most recently paired one) */
      centerDeviceId: z.string(),
      centerName: z.string(),
      fiscalYear: z.number(),
      consultations: z.number(),
      persons: z.number(),
    }),
  ),
  totals: z.array(z.object({ fiscalYear: z.number(), consultations: z.number(), persons: z.number() })),
});

/**
 * Where an export goes: `path` (a file chosen in a save dialog), `folder` (a new file with the
 * conventional name in that folder), or `toFolder` (the same in the configured exchange folder).
 */
const toTarget = z
  .object({
    peer: deviceRef,
    path: path.optional(),
    folder: path.optional(),
    toFolder: z.boolean().default(false),
  })
  .refine((x) => x.toFolder || x.path || x.folder, { message: 'give a path, a folder or toFolder' });

export const syncFileKind = z.enum(['bundle', 'receipt', 'card', 'other']);
export const folderListingDto = z.object({
  folder: z.string(),
  files: z.array(
    z.object({
      name: z.string(),
      path: z.string(),
      kind: syncFileKind,
      /** a bundle or receipt named for this device (null: the name does not say) */
      forThisDevice: z.boolean().nullable(),
      /** for this device: already imported here (null: not addressed here, or unreadable) */
      imported: z.boolean().nullable(),
      /** an identity card's (public) contents, when it is a valid card */
      card: z.object({ centerName: z.string(), role: syncMode, isThisDevice: z.boolean() }).nullable(),
      bytes: z.number(),
      modifiedAt: z.string(),
    }),
  ),
});
export type FolderListingDto = z.infer<typeof folderListingDto>;

export const syncChannels = {
  /** this device's identity (made on first use) and its card */
  'sync.identity': channel({ auth: 'session', input: z.object({}).default({}), output: identityDto }),
  /** to `path`, or into `folder` as yorisoi-card-<device>.json */
  'sync.exportCard': channel({
    auth: 'session',
    input: z
      .object({ path: path.optional(), folder: path.optional() })
      .refine((x) => x.path || x.folder, { message: 'give a path or a folder' }),
    output: z.object({ file: z.string(), fingerprint: z.string() }),
  }),
  /** what a card says, before pairing: the screen shows the fingerprint to compare */
  'sync.previewCard': channel({ auth: 'session', input: z.object({ path }), output: cardPreviewDto }),
  'sync.addPeer': channel({
    auth: 'session',
    input: z.object({
      path,
      profile: sharingProfile.optional(),
      label: z.string().trim().min(1).max(100).optional(),
      /** the code read out over the phone; pairing fails when it differs */
      expectedFingerprint: z.string().trim().optional(),
      /**
       * the prefecture: this device delivers for the same center as that paired device (a
       * laptop set up on its own), whatever center id its card names
       */
      sameCenterAs: deviceRef.optional(),
    }),
    output: peerDto,
  }),
  'sync.updatePeer': channel({
    auth: 'session',
    input: z.object({
      peer: deviceRef,
      profile: sharingProfile.optional(),
      label: z.string().trim().max(100).nullish(),
      /** files the device under another paired device's center; ops kept apart are applied */
      sameCenterAs: deviceRef.optional(),
    }),
    output: peerDto,
  }),
  /** unpairs: its bundles are refused from now on; the history stays */
  'sync.removePeer': channel({ auth: 'session', input: z.object({ peer: deviceRef }), output: okResult }),
  /** the sync queue: per peer what waits, last export, last receipt; parked ops; conflicts */
  'sync.status': channel({ auth: 'session', input: z.object({}).default({}), output: syncStatusDto }),
  'sync.exportBundle': channel({ auth: 'session', input: toTarget, output: exportResultDto }),
  'sync.importBundle': channel({ auth: 'session', input: z.object({ path }), output: importResultDto }),
  'sync.exportReceipt': channel({ auth: 'session', input: toTarget, output: receiptExportDto }),
  'sync.importReceipt': channel({ auth: 'session', input: z.object({ path }), output: receiptImportDto }),
  /** imports every bundle and receipt for this device found in the configured folder */
  'sync.importFolder': channel({ auth: 'session', input: z.object({}).default({}), output: folderImportDto }),
  /**
   * The sync files and identity cards in a folder (the configured one by default), newest
   * first, with whether each file named for this device was imported already (its manifest
   * alone is read). Browser mode has no file dialog; this stands in.
   */
  'sync.listFiles': channel({
    auth: 'session',
    input: z.object({ folder: path.optional() }).default({}),
    output: folderListingDto,
  }),
  'sync.setFolder': channel({
    auth: 'session',
    input: z.object({ folder: path.nullable() }),
    output: okResult,
  }),
  /** center or prefecture, read only (the menu asks; unlike sync.identity it never makes keys) */
  'sync.mode': channel({
    auth: 'session',
    input: z.object({}).default({}),
    output: z.object({ mode: syncMode }),
  }),
  'sync.setMode': channel({ auth: 'session', input: z.object({ mode: syncMode }), output: okResult }),
  'sync.conflicts': channel({
    auth: 'session',
    input: z.object({ includeResolved: z.boolean().default(false) }).default({ includeResolved: false }),
    output: z.array(conflictDto),
  }),
  /** keep: the current value stays; take: the overwritten value comes back (a new edit) */
  'sync.resolveConflict': channel({
    auth: 'session',
    input: z.object({ id: z.string().min(1), choice: z.enum(['keep', 'take']) }),
    output: conflictDto,
  }),
  /** retries parked ops (after an update taught this app new tables or fields) */
  'sync.applyPending': channel({
    auth: 'session',
    input: z.object({}).default({}),
    output: z.object({ applied: z.number(), remaining: z.number() }),
  }),
  /** the running export or import, for a progress bar (poll while the call is under way) */
  'sync.progress': channel({ auth: 'session', input: z.object({}).default({}), output: progressDto }),
  /** every file that left this device: who, when, how much, to whom */
  'sync.exportLog': channel({
    auth: 'session',
    input: page.default({ limit: 100, offset: 0 }),
    output: z.object({ total: z.number(), rows: z.array(exportLogEntryDto) }),
  }),
  /** prefecture: consultations (延件数) and distinct persons (実人数) per center and fiscal year */
  'sync.centerSummary': channel({
    auth: 'session',
    input: z.object({ fiscalYear: z.number().int().optional() }).default({}),
    output: centerSummaryDto,
  }),
};
