import type { ConsentCheck, LetterDraft } from '../../../shared/contract/letters';
import type { ServiceContext } from '../context';
import { loadReferral } from '../referrals/referral-dto';
import { previewNumber } from './document-number';
import { checkConsent, requireTemplateFits } from './letter-consent';
import { readLetterhead } from './letterhead';
import { renderLetter } from './render/letter-document';
import { overrideLine } from '../../../shared/letters/consent-line';

/**
 * The live preview: the very HTML the issue will print (same templates, same font), with a
 * placeholder number, and what the consent check says right now. Changes nothing.
 */
export async function previewLetter(
  ctx: ServiceContext,
  referralId: string,
  draft: LetterDraft,
  consentId?: string,
  override?: { reason: string },
): Promise<{ html: string; consent: ConsentCheck }> {
  const referral = await loadReferral(ctx.db, referralId);
  requireTemplateFits(referral, draft);
  const d = await checkConsent(ctx.db, referral, draft, consentId);
  const head = await readLetterhead(ctx.db);
  const line =
    d.line ??
    (override?.reason.trim()
      ? overrideLine(override.reason)
      : '本人の同意：（未確認。発行には同意の記録が必要です）');
  const { html } = await renderLetter({
    draft,
    documentNumber: previewNumber(head.documentSymbol),
    consentLine: line,
  });
  const { consent: _row, ...consent } = d;
  return { html, consent };
}
