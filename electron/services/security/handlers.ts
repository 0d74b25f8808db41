import type { HandlerMap } from '../handler-types';
import { exportAudit, verifyAudit } from './audit-review';
import { beginTotp, confirmTotp, disableTotp, totpStatus } from './totp-enrolment';
import { resetTotp, totpAccounts } from './totp-reset';

type SecurityChannels =
  | 'totp.status'
  | 'totp.begin'
  | 'totp.confirm'
  | 'totp.disable'
  | 'totp.reset'
  | 'totp.accounts'
  | 'audit.verify'
  | 'audit.export';

export const securityHandlers: HandlerMap<SecurityChannels> = {
  'totp.status': (ctx) => totpStatus(ctx),
  'totp.begin': (ctx) => beginTotp(ctx),
  'totp.confirm': (ctx, i) => confirmTotp(ctx, i.code),
  'totp.disable': (ctx, i) => disableTotp(ctx, i.code),
  'totp.reset': (ctx, i) => resetTotp(ctx, i.staffId),
  'totp.accounts': (ctx) => totpAccounts(ctx),
  'audit.verify': (ctx) => verifyAudit(ctx),
  'audit.export': (ctx, i) => exportAudit(ctx, i, i.lang),
};
