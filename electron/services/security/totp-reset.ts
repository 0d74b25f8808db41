import { writeAudit } from '../../../db/audit';
import { AppError } from '../../../shared/errors';
import { requirePermission, type ServiceContext } from '../context';

/**
 * Recovery for a lost phone: an administrator removes another account's second factor; that
 * person signs in with the passphrase alone and enrols again. One's own goes through
 * `totp.disable` with a current code, so a second factor cannot be switched off by whoever
 * finds an administrator's screen unlocked.
 */
export async function resetTotp(ctx: ServiceContext, staffId: string) {
  requirePermission(ctx, 'staff.manage');
  if (staffId === ctx.actor.id) {
    throw new AppError('FORBIDDEN', 'Turn off your own second factor with a current code.');
  }
  const staff = await ctx.db
    .selectFrom('staff')
    .select(['id', 'login'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (!staff) throw new AppError('NOT_FOUND', 'No such account.');
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom('staff_totp').where('staff_id', '=', staffId).executeTakeFirst();
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'totp.reset',
      entity: 'staff',
      entityId: staffId,
      detail: { login: staff.login, hadSecondFactor: Number(r.numDeletedRows) > 0 },
    });
  });
  return { ok: true as const };
}

export async function totpAccounts(ctx: ServiceContext) {
  requirePermission(ctx, 'staff.manage');
  const rows = await ctx.db.selectFrom('staff_totp').select(['staff_id', 'state']).execute();
  return rows.map((r) => ({ staffId: r.staff_id, enabled: r.state === 'active' }));
}
