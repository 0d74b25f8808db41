import type { z } from 'zod';
import type { consentInput, CoordinationRequestDto } from '../../../shared/contract/coordination';
import type { WriteUnit } from '../unit-of-work';
import { loadRequest, requireOpenRequest, writeRequestChange } from './request-change';
import { getRequestDto } from './request-dto';
import { CONSENT_GROUP, consentColumns } from './request-rules';

/**
 * Records the person's consent to give their details to hospitals (method, date, who obtained
 * it). A new consent replaces the earlier one, and one withdrawn before; the audit log keeps
 * every step.
 */
export async function recordConsent(
  ctx: WriteUnit,
  id: string,
  consent: z.output<typeof consentInput>,
): Promise<CoordinationRequestDto> {
  await ctx.write(async (w) => {
    const trx = w.db;
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
