import { z } from 'zod';
import { PREFECTURE_CODES } from '../codes/prefectures';
import { channel } from './channel';

export const prefectureCode = z.enum(PREFECTURE_CODES);

/**
 * The center's own settings that statistics depend on: its prefecture (chosen at setup), so a
 * municipality code of another prefecture counts as 県外 (table 6-2) everywhere.
 */
export const centerSettings = z.object({
  centerName: z.string(),
  /** 2 digits (11 = 埼玉県), or null on a case file made before the setting existed */
  prefectureCode: prefectureCode.nullable(),
});
export type CenterSettings = z.infer<typeof centerSettings>;

export const centerChannels = {
  'center.settings': channel({ auth: 'session', input: z.object({}).default({}), output: centerSettings }),
  /** administrators: the center's prefecture (logged) */
  'center.setPrefecture': channel({
    auth: 'session',
    input: z.object({ prefectureCode }),
    output: centerSettings,
  }),
};
