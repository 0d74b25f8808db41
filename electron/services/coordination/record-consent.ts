import type { z } from 'zod';
import type { consentInput, CoordinationRequestDto } from '../../../shared/contract/coordination';
import { requirePermission, type ServiceContext } from '../context';
import { loadRequest, requireOpenRequest, writeRequestChange } from './request-change';
import { getRequestDto } from './request-dto';
import { CONSENT_GROUP, consentColumns } from './request-rules';

/**
 * Records the person's consent to give their details to hospitals (method, date, who obtained
 * it). A new consent replaces the earlier one, and one withdrawn before; the audit log keeps
 * every step.
 */
export async function recordConsent(
  ctx: ServiceContext,
  id: string,
  consent: z.output<typeof consentInput>,
): Promise<CoordinationRequestDto> {
  requirePermission(ctx, 'coordination.manage');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadRequest(trx, id);
    requireOpenRequest(before);
    const next = await consentColumns(trx, ctx, consent);
    await writeRequestChange(
      trx,
      ctx,
      before,
      next,
      'coordination.consent',
      { method: consent.method },
      CONSENT_GROUP,
    );
  });
  return getRequestDto(ctx.db, id);
}
