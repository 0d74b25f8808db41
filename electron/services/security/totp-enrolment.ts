import {
  activateSecondFactor,
  deleteSecondFactor,
  readSecondFactor,
  writePendingSecondFactor,
} from '../../../db/stores/second-factor';
import { readMeta } from '../../../db/stores/meta';
import { matchingStep, newTotpSecret, totpUri } from '../../../db/totp/totp-code';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../context';
import type { UnitOfWork, WriteUnit } from '../unit-of-work';

/**
 * The signed-in user's own second factor. Enrolment: `begin` keeps a new secret as pending
 * (inside the encrypted case file, in a table that never syncs) and shows it once; `confirm`
 * with one current code from the app turns it on. Every role may protect its own account.
 * Each runs in its channel's transaction; the dispatcher writes the entry (totp.begin,
 * totp.enable, totp.disable) with the row.
 */
export async function totpStatus(uow: UnitOfWork) {
  const r = await readSecondFactor(uow.db, uow.actor.id);
  return { enabled: r?.state === 'active', pending: r?.state === 'pending' };
}

const aboutSelf = (uow: WriteUnit) => uow.audit.about({ entity: 'staff', entityId: uow.actor.id });

export async function beginTotp(uow: WriteUnit) {
  const current = await readSecondFactor(uow.db, uow.actor.id);
  if (current?.state === 'active') {
    throw new AppError('CONFLICT', 'A second factor is already set up. Turn it off first.');
  }
  const secret = newTotpSecret();
  // read in this transaction (the case file's own connection would wait for it to end)
  const account = `${uow.actor.login} (${(await readMeta(uow.db, 'center_name')) ?? ''})`;
  await writePendingSecondFactor(uow.db, uow.actor.id, secret, nowIso(uow));
  aboutSelf(uow);
  return { secret, uri: totpUri(secret, account, 'Yorisoi'), account };
}

function requireCode(secret: string, code: string, lastStep: number | null, now: Date): number {
  const step = matchingStep(secret, code, now);
  if (step === null || (lastStep !== null && step <= lastStep)) {
    throw new AppError('WRONG_SECOND_FACTOR', 'The code is not correct (or was already used).');
  }
  return step;
}

export async function confirmTotp(uow: WriteUnit, code: string) {
  const r = await readSecondFactor(uow.db, uow.actor.id);
  if (!r || r.state !== 'pending') throw new AppError('NOT_FOUND', 'Start the set-up first.');
  const step = requireCode(r.secret, code, r.last_step, uow.now());
  await activateSecondFactor(uow.db, uow.actor.id, nowIso(uow), step);
  aboutSelf(uow);
  return { enabled: true, pending: false };
}

export async function disableTotp(uow: WriteUnit, code: string) {
  const r = await readSecondFactor(uow.db, uow.actor.id);
  if (!r || r.state !== 'active') throw new AppError('NOT_FOUND', 'No second factor is set up.');
  requireCode(r.secret, code, r.last_step, uow.now());
  await deleteSecondFactor(uow.db, uow.actor.id);
  aboutSelf(uow);
  return { enabled: false, pending: false };
}
