import { writeAudit } from '../../../db/audit';
import { readMeta, writeMeta } from '../../../db/sync/identity';
import type { CenterSettings } from '../../../shared/contract/center';
import type { PrefectureCode } from '../../../shared/codes/prefectures';
import { requirePermission, type ServiceContext } from '../context';
import { centerPrefecture } from '../../../db/records/institution';
import type { HandlerMap } from '../handler-types';

export async function centerSettings(ctx: ServiceContext): Promise<CenterSettings> {
  return {
    centerName: (await readMeta(ctx.db, 'center_name')) ?? '',
    prefectureCode: (await centerPrefecture(ctx.db)) as PrefectureCode | null,
  };
}

/**
 * The center's prefecture (meta `center_prefecture`, local to this case file): chosen at setup,
 * changed here by an administrator. A municipality code of another prefecture is 県外 from then
 * on, at intake and in every report (the report works it out from the code when it counts).
 */
export async function setCenterPrefecture(
  ctx: ServiceContext,
  code: PrefectureCode,
): Promise<CenterSettings> {
  requirePermission(ctx, 'staff.manage');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await readMeta(trx, 'center_prefecture');
    if (before === code) return;
    await writeMeta(trx, 'center_prefecture', code);
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'center.prefecture',
      detail: { before, after: code },
    });
  });
  return centerSettings(ctx);
}

export const centerHandlers: HandlerMap<'center.settings' | 'center.setPrefecture'> = {
  'center.settings': (ctx) => centerSettings(ctx),
  'center.setPrefecture': (ctx, i) => setCenterPrefecture(ctx, i.prefectureCode),
};
