import type { HandlerMap } from '../handler-types';
import type { UnitOfWork } from '../unit-of-work';

/** The integrity check (every page read): administrators and counselors; logged. */
async function verifyCaseFile(uow: UnitOfWork) {
  const report = await uow.caseFile.integrityCheck();
  uow.audit.about({ detail: { ok: report.ok, problems: report.problems.length } });
  return report;
}

export const casefileHandlers: HandlerMap<'casefile.verify' | 'casefile.rotateKey'> = {
  'casefile.verify': (uow) => verifyCaseFile(uow),
  // a new data key and recovery code: administrators (the rotation logs itself)
  'casefile.rotateKey': (uow) => uow.caseFile.rotateDataKey(),
};
