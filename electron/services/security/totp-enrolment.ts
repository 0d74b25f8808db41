import { writeAudit } from '../../../db/audit';
import { matchingStep, newTotpSecret, totpUri } from '../../../db/totp/totp-code';
import { AppError } from '../../../shared/errors';
import { nowIso, type ServiceContext } from '../context';

/**
 * The signed-in user's own second factor. Enrolment: `begin` keeps a new secret as pending
 * (inside the encrypted case file, in a table that never syncs) and shows it once; `confirm`
 * with one current code from the app turns it on. Every role may protect its own account.
 */
async function row(ctx: ServiceContext) {
  return ctx.db.selectFrom('staff_totp').selectAll().where('staff_id', '=', ctx.actor.id).executeTakeFirst();
}

export async function totpStatus(ctx: ServiceContext) {
  const r = await row(ctx);
  return { enabled: r?.state === 'active', pending: r?.state === 'pending' };
}

export async function beginTotp(ctx: ServiceContext) {
  const current = await row(ctx);
  if (current?.state === 'active') {
    throw new AppError('CONFLICT', 'A second factor is already set up. Turn it off first.');
  }
  const secret = newTotpSecret();
  const account = `${ctx.actor.login} (${await ctx.caseFile.centerName()})`;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('staff_totp')
      .values({ staff_id: ctx.actor.id, secret, state: 'pending', created_at: nowIso(ctx), last_step: null })
      .onConflict((oc) =>
        oc
          .column('staff_id')
          .doUpdateSet({ secret, state: 'pending', created_at: nowIso(ctx), last_step: null }),
      )
      .execute();
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'totp.begin',
      entity: 'staff',
      entityId: ctx.actor.id,
    });
  });
  return { secret, uri: totpUri(secret, account, 'Yorisoi'), account };
}

function requireCode(secret: string, code: string, lastStep: number | null, now: Date): number {
  const step = matchingStep(secret, code, now);
  if (step === null || (lastStep !== null && step <= lastStep)) {
    throw new AppError('WRONG_SECOND_FACTOR', 'The code is not correct (or was already used).');
  }
  return step;
}

export async function confirmTotp(ctx: ServiceContext, code: string) {
  const r = await row(ctx);
  if (!r || r.state !== 'pending') throw new AppError('NOT_FOUND', 'Start the set-up first.');
  const step = requireCode(r.secret, code, r.last_step, ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_totp')
      .set({ state: 'active', confirmed_at: nowIso(ctx), last_step: step })
      .where('staff_id', '=', ctx.actor.id)
      .execute();
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'totp.enable',
      entity: 'staff',
      entityId: ctx.actor.id,
    });
  });
  return { enabled: true, pending: false };
}

export async function disableTotp(ctx: ServiceContext, code: string) {
  const r = await row(ctx);
  if (!r || r.state !== 'active') throw new AppError('NOT_FOUND', 'No second factor is set up.');
  requireCode(r.secret, code, r.last_step, ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('staff_totp').where('staff_id', '=', ctx.actor.id).execute();
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'totp.disable',
      entity: 'staff',
      entityId: ctx.actor.id,
    });
  });
  return { enabled: false, pending: false };
}
