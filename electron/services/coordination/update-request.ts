import type { z } from 'zod';
import type { CoordinationRequestDto, requestChanges } from '../../../shared/contract/coordination';
import { AppError } from '../../../shared/errors';
import type { WriteUnit } from '../unit-of-work';
import { loadRequest, requireOpenRequest, writeRequestChange } from './request-change';
import { getRequestDto } from './request-dto';
import { invalid, needsColumns, requireActiveStaff } from './request-rules';

/** Edits an open request (dates move, needs change, urgency rises); only changed columns are written. */
export async function updateRequest(
  ctx: WriteUnit,
  id: string,
  expectedVersion: number,
  changes: z.output<typeof requestChanges>,
): Promise<CoordinationRequestDto> {
  await ctx.write(async (w) => {
    const trx = w.db;
    const before = await loadRequest(trx, id);
    requireOpenRequest(before);
    if (before.version !== expectedVersion)
      throw new AppError('CONFLICT', `The request was changed meanwhile (version ${before.version}).`);
    const ownerId = changes.ownerId ?? before.owner_id;
    if (ownerId !== before.owner_id) await requireActiveStaff(trx, ownerId, 'ownerId');
    if (changes.wantedFrom < before.requested_on)
      throw invalid('wantedFrom', 'The wanted date is before the day of the request.');
    await writeRequestChange(
      trx,
      ctx,
      before,
      {
        kind: changes.kind,
        reason: changes.reason,
        reason_note: changes.reasonNote,
        wanted_from: changes.wantedFrom,
        wanted_to: changes.wantedTo,
        ...needsColumns(changes.needs),
        urgency: changes.urgency,
        owner_id: ownerId,
      },
      'coordination.update',
    );
  });
  return getRequestDto(ctx.db, id);
}
