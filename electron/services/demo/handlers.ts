import { DEMO_META_KEY, fillDemo } from '../../demo/seed-demo';
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../handler-types';
import type { UnitOfWork } from '../unit-of-work';

export const demoHandlers: HandlerMap<'demo.fill'> = {
  'demo.fill': async (uow, i) => {
    await assertMayFill(uow);
    return fillDemo(uow, { seed: i.seed, consultations: i.consultations });
  },
};

/** Only a demo file, or one with no consultations yet, may be filled with fictitious data. */
async function assertMayFill(uow: UnitOfWork): Promise<void> {
  const demo = await uow.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', DEMO_META_KEY)
    .executeTakeFirst();
  if (demo?.value === '1') return;
  const any = await uow.db.selectFrom('consultations').select('id').limit(1).executeTakeFirst();
  if (any) {
    throw new AppError(
      'INVALID_INPUT',
      'This case file holds real consultations and is not a demo file: fictitious data is not added to it.',
    );
  }
}
