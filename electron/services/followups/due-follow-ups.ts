import type { DueBuckets } from '../../../shared/contract/followups';
import { todayLocal } from '../context';
import type { UnitOfWork } from '../unit-of-work';
import { addDays } from './date-math';
import { selectFollowUps, toFollowUpDto } from './follow-up-dto';

/** The daily view: open follow-ups overdue, due today, and due in the next 7 days. */
export async function dueFollowUps(
  ctx: UnitOfWork,
  scope: 'mine' | 'all',
  today: string = todayLocal(ctx),
): Promise<DueBuckets> {
  if (scope === 'all') ctx.require('followup.viewAll');
  const weekEnd = addDays(today, 7);
  let q = selectFollowUps(ctx.db).where('f.state', '=', 'open').where('f.due_date', '<=', weekEnd);
  if (scope === 'mine') q = q.where('f.owner_id', '=', ctx.actor.id);
  // ISO dates sort as text; id breaks ties so the order is stable
  const rows = await q.orderBy('f.due_date').orderBy('f.title').orderBy('f.id').execute();
  const out: DueBuckets = { overdue: [], today: [], thisWeek: [] };
  for (const r of rows) {
    const bucket = r.due_date < today ? out.overdue : r.due_date === today ? out.today : out.thisWeek;
    bucket.push(toFollowUpDto(r));
  }
  return out;
}
