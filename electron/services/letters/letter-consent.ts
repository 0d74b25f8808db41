import type { Kysely, Transaction } from 'kysely';
import type { ConsentsTable, DB, ReferralsTable } from '../../../db/schema';
import type { ConsentCheck, LetterDraft } from '../../../shared/contract/letters';
import { consentLine, overrideLine } from '../../../shared/letters/consent-line';
import { AppError } from '../../../shared/errors';
import { findCoveringConsent } from '../consents/valid-consent';

type Db = Kysely<DB> | Transaction<DB>;

export interface ConsentDecision extends ConsentCheck {
  consent: ConsentsTable | null;
}

/**
 * Under what a letter may go: a valid consent of the person that names the recipient and covers
 * every kind of information the letter carries, on the letter's date. `consentId` narrows the
 * search to one consent.
 */
export async function checkConsent(
  db: Db,
  referral: ReferralsTable,
  draft: LetterDraft,
  consentId?: string,
): Promise<ConsentDecision> {
  const match = await findCoveringConsent(
    db,
    referral.person_id,
    referral.institution_id,
    draft.dataItems,
    draft.issuedOn,
    consentId,
  );
  if (!match.consent) {
    return {
      status: match.missingItems.length ? 'scope' : 'missing',
      consent: null,
      consentId: null,
      line: null,
      missingItems: match.missingItems,
    };
  }
  const by = await db
    .selectFrom('staff')
    .select('display_name')
    .where('id', '=', match.consent.obtained_by)
    .executeTakeFirst();
  return {
    status: 'ok',
    consent: match.consent,
    consentId: match.consent.id,
    line: consentLine({
      method: match.consent.method,
      obtainedOn: match.consent.obtained_on,
      obtainedBy: by?.display_name ?? '',
    }),
    missingItems: [],
  };
}

/**
 * The line the letter prints, or a coded error: with consent, the consent line; without, only
 * the emergency exception with a written reason.
 */
export function requireGround(
  d: ConsentDecision,
  override: { reason: string } | undefined,
): { line: string; consentId: string | null; overrideReason: string | null } {
  if (d.status === 'ok') return { line: d.line!, consentId: d.consentId, overrideReason: null };
  if (override) {
    const reason = override.reason.trim();
    if (!reason)
      throw new AppError('OVERRIDE_REASON_REQUIRED', 'The emergency exception needs a written reason.');
    return { line: overrideLine(reason), consentId: null, overrideReason: reason };
  }
  if (d.status === 'scope')
    throw new AppError('CONSENT_SCOPE', `The consent does not cover: ${d.missingItems.join(', ')}.`);
  throw new AppError('CONSENT_REQUIRED', 'No valid consent covers this recipient.');
}

/** A draft must belong to its referral's template (or be the T5 reply form). */
export function requireTemplateFits(referral: ReferralsTable, draft: LetterDraft): void {
  if (draft.template !== referral.template && draft.template !== 't5')
    throw new AppError('INVALID_INPUT', `This referral uses template ${referral.template}.`);
}
