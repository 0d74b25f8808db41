import type { ChannelName } from './contract';
import type { Permission } from './permissions';

/**
 * Who may call each channel, as the use cases enforce it (requirePermission in
 * electron/services). Written down here so the permission table (docs/permissions.md) is
 * generated from it and tests/services/role-refusals.test.ts checks every role against the
 * real dispatcher: the table, the code and the tests cannot drift apart.
 * - `locked`: works before sign-in (first run, login, lock);
 * - `signed-in`: every role, for its own things or for lists without personal data;
 * - `{ scopedBy }`: every role, but without that permission only one's own records;
 * - a permission: only the roles that hold it.
 */
export type ChannelAccess = 'locked' | 'signed-in' | { scopedBy: Permission } | Permission;

export const CHANNEL_ACCESS: Partial<Record<ChannelName, ChannelAccess>> = {
  'session.status': 'locked',
  'session.create': 'locked',
  'session.login': 'locked',
  'session.openDemo': 'locked',
  'session.lock': 'locked',
  'session.changePassphrase': 'signed-in',

  'consultation.record': 'consultation.record',
  'consultation.continuityOf': 'consultation.record',
  'consultation.update': 'consultation.edit',
  'consultation.linkCase': 'consultation.edit',
  'consultation.get': { scopedBy: 'consultation.viewAll' },
  'consultation.list': { scopedBy: 'consultation.viewAll' },
  'consultation.history': { scopedBy: 'consultation.viewAll' },

  'person.search': 'person.view',
  'person.get': 'person.view',
  'person.timeline': 'person.view',
  'person.create': 'person.edit',
  'person.update': 'person.edit',

  'followup.create': 'followup.manage',
  'followup.reschedule': 'followup.manage',
  'followup.reassign': 'followup.manage',
  'followup.cancel': 'followup.manage',
  'followup.complete': 'followup.completeOwn',
  'followup.due': { scopedBy: 'followup.viewAll' },
  'case.open': 'case.manage',
  'case.close': 'case.manage',
  'case.list': 'followup.viewAll',
  'event.create': 'case.manage',
  'event.update': 'case.manage',
  'event.list': 'signed-in',
  'activity.create': 'case.manage',
  'activity.update': 'case.manage',
  'activity.list': 'signed-in',
  'center.settings': 'signed-in',
  'center.setPrefecture': 'staff.manage',

  'institution.list': 'directory.view',
  'institution.healthCenterFor': 'directory.view',
  'institution.create': 'directory.manage',
  'institution.update': 'directory.manage',
  'institution.setActive': 'directory.manage',
  'master.diseases': 'signed-in',
  'master.municipalities': 'signed-in',

  'staff.list': 'signed-in',
  'staff.add': 'staff.manage',
  'staff.update': 'staff.manage',
  'staff.deactivate': 'staff.manage',
  'totp.status': 'signed-in',
  'totp.begin': 'signed-in',
  'totp.confirm': 'signed-in',
  'totp.disable': 'signed-in',
  'totp.reset': 'staff.manage',
  'totp.accounts': 'staff.manage',
  'audit.list': 'audit.read',
  'audit.verify': 'audit.read',
  'audit.export': 'audit.read',

  'report.build': 'consultation.viewAll',
  'report.export': 'consultation.viewAll',

  'sync.identity': 'signed-in',
  'sync.progress': 'signed-in',
  'sync.exportCard': 'staff.manage',
  'sync.previewCard': 'staff.manage',
  'sync.addPeer': 'staff.manage',
  'sync.updatePeer': 'staff.manage',
  'sync.removePeer': 'staff.manage',
  'sync.setFolder': 'staff.manage',
  'sync.setMode': 'staff.manage',
  'sync.exportBundle': 'consultation.edit',
  'sync.importBundle': 'consultation.edit',
  'sync.exportReceipt': 'consultation.edit',
  'sync.importReceipt': 'consultation.edit',
  'sync.importFolder': 'consultation.edit',
  'sync.conflicts': 'consultation.edit',
  'sync.resolveConflict': 'consultation.edit',
  'sync.applyPending': 'consultation.edit',
  'sync.listFiles': 'consultation.edit',
  'sync.mode': 'signed-in',
  'sync.status': 'consultation.viewAll',
  'sync.exportLog': 'consultation.viewAll',
  'sync.centerSummary': 'consultation.viewAll',

  'draft.save': 'signed-in',
  'draft.get': 'signed-in',
  'draft.discard': 'signed-in',
  'backup.status': 'signed-in',
  'backup.run': 'backup.run',
  'backup.setFolder': 'backup.configure',
  'backup.restore': 'backup.restore',
  // only where no case file exists; the snapshot's account must hold backup.restore in it
  'backup.restoreLost': 'locked',
  'casefile.verify': 'casefile.check',
  'casefile.rotateKey': 'casefile.rotateKey',

  'coordination.open': 'coordination.manage',
  'coordination.update': 'coordination.manage',
  'coordination.recordConsent': 'coordination.manage',
  'coordination.withdrawConsent': 'coordination.manage',
  'coordination.logContact': 'coordination.manage',
  'coordination.end': 'coordination.manage',
  'coordination.get': 'coordination.view',
  'coordination.list': 'coordination.view',
  'coordination.candidates': 'coordination.view',

  'consent.record': 'consent.record',
  'consent.withdraw': 'consent.record',
  'consent.list': 'person.view',
  'referral.create': 'referral.manage',
  'referral.transition': 'referral.manage',
  'referral.recordReply': 'referral.manage',
  'referral.get': 'person.view',
  'referral.list': 'person.view',
  'letter.draft': 'letter.issue',
  'letter.preview': 'letter.issue',
  'letter.issue': 'letter.issue',
  'letter.register': 'letter.view',
  'letter.provisionLog': 'letter.view',
  'letter.letterhead.get': 'letter.view',
  'letter.reprint': 'letter.export',
  'letter.export': 'letter.export',
  'letter.provisionLogPdf': 'letter.export',
  'letter.letterhead.set': 'letter.settings',
};
