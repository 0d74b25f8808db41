import { writeAudit } from '../../../db/audit';
import { requirePermission, type ServiceContext } from '../context';
import type { HandlerMap } from '../handler-types';

/** The integrity check (every page read): administrators and counselors; logged. */
async function verifyCaseFile(ctx: ServiceContext) {
  requirePermission(ctx, 'casefile.check');
  const report = await ctx.caseFile.integrityCheck();
  await writeAudit(ctx.db, {
    staffId: ctx.actor.id,
    login: ctx.actor.login,
    action: 'casefile.verify',
    detail: { ok: report.ok, problems: report.problems.length },
  });
  return report;
}

/** A new data key and recovery code: administrators (the rotation logs itself). */
async function rotateKey(ctx: ServiceContext) {
  requirePermission(ctx, 'casefile.rotateKey');
  return ctx.caseFile.rotateDataKey();
}

export const casefileHandlers: HandlerMap<'casefile.verify' | 'casefile.rotateKey'> = {
  'casefile.verify': (ctx) => verifyCaseFile(ctx),
  'casefile.rotateKey': (ctx) => rotateKey(ctx),
};
