import { readMeta, writeMeta } from '../../../db/stores/meta';
import type { CenterSettings } from '../../../shared/contract/center';
import type { PrefectureCode } from '../../../shared/codes/prefectures';
import type { ServiceContext } from '../context';
import type { WriteUnit } from '../unit-of-work';
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
export async function setCenterPrefecture(ctx: WriteUnit, code: PrefectureCode): Promise<CenterSettings> {
  const before = await readMeta(ctx.db, 'center_prefecture');
  if (before === code)
    ctx.audit.skip(); // the same prefecture: nothing to log
  else {
    await writeMeta(ctx.db, 'center_prefecture', code);
    ctx.audit.about({ detail: { before, after: code } });
  }
  return centerSettings(ctx);
}

export const centerHandlers: HandlerMap<'center.settings' | 'center.setPrefecture'> = {
  'center.settings': (ctx) => centerSettings(ctx),
  'center.setPrefecture': (ctx, i) => setCenterPrefecture(ctx, i.prefectureCode),
};
