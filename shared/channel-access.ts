import type { ChannelName } from './contract';
import type { Permission } from './permissions';

/**
 * Who may call a channel. The dispatcher checks it before the use case runs (a refusal
 * changes nothing); docs/permissions.md is generated from this file and
 * tests/services/role-refusals.test.ts checks every role against the real dispatcher.
 * - `locked`: works before sign-in (first run, login, lock);
 * - `signed-in`: every role, for its own things or for lists without personal data;
 * - `{ scopedBy }`: every role, but without that permission only one's own records (the use
 *   case narrows what it reads);
 * - a permission: only the roles that hold it.
 */
export type ChannelAccess = 'locked' | 'signed-in' | { scopedBy: Permission } | Permission;

/**
 * How the dispatcher runs the use case (electron/services/unit-of-work.ts):
 * - `none`: no session and no unit of work (first run, login, lock: the case file's own work);
 * - `read`: reads outside any write transaction (a long report never blocks a save); its audit
 *   entry, if any, is written afterwards in a short transaction of its own;
 * - `write`: one transaction around the whole use case: rows, ops and the audit entry commit
 *   together or not at all;
 * - `staged`: work that must not sit in a transaction comes first (printing a letter, key
 *   files, reading a bundle, progress), then `uow.write(…)` commits the rows with the audit entry.
 * No use case opens a transaction of its own (issue 19): every commit is a unit of work's.
 */
export type TransactionKind = 'none' | 'read' | 'write' | 'staged';

export interface ChannelPolicy {
  access: ChannelAccess;
  tx: TransactionKind;
  /**
   * The action of the channel's audit entry (the use case adds entity, id and detail), or
   * null where the channel writes none of its own. A list: the use case names which one.
   */
  audit: string | readonly string[] | null;
}

type Audit = ChannelPolicy['audit'];
const locked = () => ({ access: 'locked', tx: 'none', audit: null }) as const;
const read = <A extends ChannelAccess>(access: A, audit: Audit = null) => ({
  access,
  tx: 'read' as const,
  audit,
});
const write = <A extends ChannelAccess>(access: A, audit: Audit = null) => ({
  access,
  tx: 'write' as const,
  audit,
});
const staged = <A extends ChannelAccess>(access: A, audit: Audit = null) => ({
  access,
  tx: 'staged' as const,
  audit,
});

/** Each channel's policy: the one place that says who may call it, how it commits, what it logs. */
export const CHANNEL_POLICY = {
  'session.status': locked(),
  'session.create': locked(),
  'session.login': locked(), // the sign-in is logged by the case file as it opens (db/case-file.ts)
  'session.openDemo': locked(),
  'session.lock': locked(),
  // the key slot file is rewritten first (outside the database; the case file logs it as
  // keyslot.passphrase), then this channel's entry is committed
  'session.changePassphrase': staged('signed-in', 'session.change-passphrase'),

  'consultation.record': write('consultation.record', 'consultation.record'),
  'consultation.continuityOf': read('consultation.record'),
  'consultation.update': write('consultation.edit', 'consultation.update'),
  'consultation.linkCase': write('consultation.edit', 'consultation.link-case'),
  'consultation.get': read({ scopedBy: 'consultation.viewAll' }, 'consultation.view'),
  'consultation.list': read({ scopedBy: 'consultation.viewAll' }),
  'consultation.history': read({ scopedBy: 'consultation.viewAll' }),

  'person.search': read('person.view'),
  'person.get': read('person.view', 'person.view'),
  'person.timeline': read('person.view'),
  'person.create': write('person.edit', 'person.create'),
  'person.update': write('person.edit', 'person.update'),

  'followup.create': write('followup.manage', 'followup.create'),
  'followup.reschedule': write('followup.manage', 'followup.reschedule'),
  'followup.reassign': write('followup.manage', 'followup.reassign'),
  'followup.cancel': write('followup.manage', 'followup.cancel'),
  'followup.complete': write('followup.completeOwn', 'followup.complete'),
  'followup.due': read({ scopedBy: 'followup.viewAll' }),
  'case.open': write('case.manage', 'case.open'),
  'case.close': write('case.manage', 'case.close'),
  'case.list': read('followup.viewAll'),
  'event.create': write('case.manage', 'event.create'),
  'event.update': write('case.manage', 'event.update'),
  'event.list': read('signed-in'),
  'activity.create': write('case.manage', 'activity.create'),
  'activity.update': write('case.manage', 'activity.update'),
  'activity.list': read('signed-in'),
  'center.settings': read('signed-in'),
  'center.setPrefecture': write('staff.manage', 'center.prefecture'),

  'institution.list': read('directory.view'),
  'institution.healthCenterFor': read('directory.view'),
  'institution.create': write('directory.manage', 'institution.create'),
  'institution.update': write('directory.manage', 'institution.update'),
  'institution.setActive': write('directory.manage', ['institution.activate', 'institution.deactivate']),
  'master.diseases': read('signed-in'),
  'master.municipalities': read('signed-in'),

  'staff.list': read('signed-in'),
  // the key slot (a file beside the database) is written as the transaction's last step; a
  // failed commit takes it back
  'staff.add': staged('staff.manage', 'staff.add'),
  'staff.update': write('staff.manage', 'staff.update'),
  // the key slot is removed as the transaction's last step: if that fails the account stays
  'staff.deactivate': write('staff.manage', 'staff.deactivate'),
  // one's own second factor (a table in the case file that never syncs: db/stores)
  'totp.status': read('signed-in'),
  'totp.begin': write('signed-in', 'totp.begin'),
  'totp.confirm': write('signed-in', 'totp.enable'),
  'totp.disable': write('signed-in', 'totp.disable'),
  'totp.reset': write('staff.manage', 'totp.reset'),
  'totp.accounts': read('staff.manage'),
  'audit.list': read('audit.read'),
  // a review is an act too; the export's entry (with the file's hash) is written before the
  // bytes are handed out
  'audit.verify': read('audit.read', 'audit.verify'),
  'audit.export': read('audit.read', 'audit.export'),

  'report.build': read('consultation.viewAll'),
  'report.export': read('consultation.viewAll', 'report.export'),

  // Sync: pairing, unpairing, sharing profiles, mode and folder are for administrators
  // (`staff.manage`: they decide who receives the center's records); exporting and importing
  // bundles and receipts and settling conflicts for those who edit records (a bundle carries
  // every record); the queue, the export log and the per-center counts for those who see all.
  // The device keys are made on the first call that needs them (with an entry
  // sync.identity.create, committed with the keys): every channel that may get there is staged
  'sync.identity': staged('signed-in', 'sync.identity.create'),
  'sync.progress': read('signed-in'), // memory only: the job under way
  // the card file is written first, then its entry
  'sync.exportCard': staged('staff.manage', 'sync.card.export'),
  'sync.previewCard': staged('staff.manage'),
  // the card file is read first, then the peer commits with its entry
  'sync.addPeer': staged('staff.manage', 'sync.peer.add'),
  'sync.updatePeer': write('staff.manage', 'sync.peer.update'),
  'sync.removePeer': write('staff.manage', 'sync.peer.remove'),
  // the folder is looked at first
  'sync.setFolder': staged('staff.manage', 'sync.folder'),
  'sync.setMode': write('staff.manage', 'sync.mode'),
  // The bundle and receipt exchange: the file is verified (import) or its target checked (export)
  // first; then one uow.write holds the whole exchange — an import's ops, conflicts, clock notes,
  // acknowledgement, op pruning and entry; an export's backfill ops, the file itself (written
  // inside, so the snapshot read twice for manifest and body is one) and the peer's "last export".
  // A refused file's entry stays after the rollback (audit.onFailure).
  'sync.exportBundle': staged('consultation.edit', 'sync.bundle.export'),
  'sync.importBundle': staged('consultation.edit', 'sync.bundle.import'),
  'sync.exportReceipt': staged('consultation.edit', 'sync.receipt.export'),
  'sync.importReceipt': staged('consultation.edit', 'sync.receipt.import'),
  // each file is a step with its own transaction and entry (UnitOfWork.step): one bad file does
  // not undo the others
  'sync.importFolder': staged('consultation.edit'),
  // the listed conflicts are brought up to date with local edits first (a short write)
  'sync.conflicts': staged('consultation.edit', 'sync.conflicts.view'),
  'sync.resolveConflict': write('consultation.edit', 'sync.conflict.resolve'),
  'sync.applyPending': write('consultation.edit', 'sync.pending.apply'),
  // reads the folder and the manifests of files for this device
  'sync.listFiles': staged('consultation.edit'),
  'sync.mode': read('signed-in'),
  // brings the listed conflicts up to date first, as sync.conflicts does
  'sync.status': staged('consultation.viewAll'),
  'sync.exportLog': read('consultation.viewAll'),
  'sync.centerSummary': read('consultation.viewAll'),

  // drafts belong to the user who typed them: no audit entry per keystroke, never synced
  'draft.save': write('signed-in'),
  'draft.get': read('signed-in'),
  'draft.discard': write('signed-in'),
  'backup.status': read('signed-in'),
  // the snapshot file is written first, then "last backup" commits with the entry
  'backup.run': staged('backup.run', 'backup.run'),
  // the folder is tried with a probe file first
  'backup.setFolder': staged('backup.configure', 'backup.configure'),
  // the snapshot is proven first; the entry commits in the current file before it is replaced
  'backup.restore': staged('backup.restore', 'backup.restore-replace'),
  // only where no case file exists; the snapshot's account must hold backup.restore in it
  'backup.restoreLost': locked(),
  'casefile.verify': read('casefile.check', 'casefile.verify'),
  // re-encrypts the file outside any transaction; the case file logs the rotation itself
  // (casefile.rotate-key), in the same call, right after the new key is in place
  'casefile.rotateKey': staged('casefile.rotateKey'),

  'coordination.open': write('coordination.manage', 'coordination.open'),
  'coordination.update': write('coordination.manage', 'coordination.update'),
  'coordination.recordConsent': write('coordination.manage', 'coordination.consent'),
  'coordination.withdrawConsent': write('coordination.manage', 'coordination.consentWithdrawn'),
  'coordination.logContact': write('coordination.manage', 'coordination.contact'),
  'coordination.end': write('coordination.manage', 'coordination.end'),
  'coordination.get': read('coordination.view', 'coordination.view'),
  'coordination.list': read('coordination.view'),
  'coordination.candidates': read('coordination.view'),

  'consent.record': write('consent.record', 'consent.record'),
  'consent.withdraw': write('consent.record', 'consent.withdraw'),
  'consent.list': read('person.view'),
  'referral.create': write('referral.manage', 'referral.create'),
  'referral.transition': write('referral.manage', 'referral.transition'),
  'referral.recordReply': write('referral.manage', 'referral.reply'),
  'referral.get': read('person.view'),
  'referral.list': read('person.view'),
  'letter.draft': read('letter.issue', 'letter.draft'),
  'letter.preview': read('letter.issue'),
  // printed by Chromium first, then stored in one transaction (no printing inside one)
  'letter.issue': staged('letter.issue', 'letter.issue'),
  'letter.register': read('letter.view', 'letter.register.view'),
  'letter.provisionLog': read('letter.view', 'letter.provisionLog.view'),
  'letter.letterhead.get': read('letter.view'),
  'letter.reprint': write('letter.export', 'letter.copy.reprint'),
  'letter.export': write('letter.export', 'letter.copy.pdf_file'),
  // printed by Chromium first, then the copy is logged
  'letter.provisionLogPdf': staged('letter.export', 'letter.copy.provision_log'),
  'letter.letterhead.set': write('letter.settings', 'letter.letterhead.set'),

  // fictitious data for a demo file or an empty one (the CLI's `demo`); each record it makes is
  // logged as its own use case would log it
  'demo.fill': staged('consultation.record'),
} as const satisfies Record<ChannelName, ChannelPolicy>;

export type ChannelPolicies = typeof CHANNEL_POLICY;

/** Who may call each channel (docs/permissions.md, the role-refusal test). */
export const CHANNEL_ACCESS = Object.fromEntries(
  Object.entries(CHANNEL_POLICY).map(([c, p]) => [c, p.access]),
) as Record<ChannelName, ChannelAccess>;
