import { createHash } from 'node:crypto';
import type { LetterDraft, LetterEntry } from '../../../shared/contract/letters';
import { addresseeOneLine } from '../../../shared/letters/addressee';
import { AppError, isAppError } from '../../../shared/errors';
import { isReferralOpen } from '../../../shared/vocab';
import { todayLocal, type ServiceContext } from '../context';
import { loadReferral } from '../referrals/referral-dto';
import { peekDocumentNumber, takeDocumentNumber, type DocumentNumber } from './document-number';
import { checkConsent, requireGround, requireTemplateFits } from './letter-consent';
import { getLetterEntry } from './letter-entry';
import { readLetterhead } from './letterhead';
import { renderLetter } from './render/letter-document';
import type { UnitOfWork } from '../unit-of-work';

/** An op line must stay well under the bundle reader's 4 MiB limit. */
export const MAX_DOCUMENT_BYTES = 3 * 1024 * 1024;

export interface IssueInput {
  referralId: string;
  draft: LetterDraft;
  consentId?: string | undefined;
  override?: { reason: string } | undefined;
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** Renders and prints outside any transaction (printing talks to another process). */
async function produce(ctx: ServiceContext, draft: LetterDraft, n: DocumentNumber, line: string) {
  const { html, footerTemplate } = await renderLetter({ draft, documentNumber: n.text, consentLine: line });
  if (!ctx.printer) throw new AppError('PDF_FAILED', 'No PDF printer in this session.');
  let pdf: Uint8Array;
  try {
    pdf = await ctx.printer.print(html, { footerTemplate });
  } catch (e) {
    if (isAppError(e)) throw e;
    throw new AppError('PDF_FAILED', (e as Error).message);
  }
  const pdfBase64 = Buffer.from(pdf).toString('base64');
  if (html.length + pdfBase64.length > MAX_DOCUMENT_BYTES)
    throw new AppError('LETTER_TOO_LARGE', 'The letter is too large to keep and sync.');
  return { html, pdf, pdfBase64 };
}

/**
 * Issues a letter for a referral: checks the ground (a valid consent covering the recipient and
 * every kind of information the letter carries, or the emergency exception with a written
 * reason), takes the next document number, prints the PDF, and stores the register entry with
 * the HTML and PDF inside the case file, its ops and audit, in one transaction (`uow.write`:
 * the channel is `staged`, printing happens before it). Nothing is written when any check
 * fails. The override is kept on the entry and audited as such.
 */
export async function issueLetter(ctx: UnitOfWork, input: IssueInput): Promise<LetterEntry> {
  const { draft } = input;
  if (draft.issuedOn > todayLocal(ctx))
    throw new AppError('INVALID_INPUT', 'A letter cannot be dated in the future.');
  const referral = await loadReferral(ctx.db, input.referralId);
  requireTemplateFits(referral, draft);
  if (!isReferralOpen(referral.state))
    throw new AppError('CONFLICT', `The referral is ${referral.state}; open a new referral.`);
  const ground = requireGround(await checkConsent(ctx.db, referral, draft, input.consentId), input.override);
  const symbol = (await readLetterhead(ctx.db)).documentSymbol;

  for (let attempt = 0; attempt < 3; attempt++) {
    const n = await peekDocumentNumber(ctx.db, ctx.deviceId, draft.issuedOn, symbol);
    const doc = await produce(ctx, draft, n, ground.line);
    const id = await ctx.write(async (w) => {
      const trx = w.db;
      // the consent may have been withdrawn while the PDF was printing
      const again = requireGround(await checkConsent(trx, referral, draft, input.consentId), input.override);
      if (again.line !== ground.line) throw new AppError('CONFLICT', 'The consent changed meanwhile.');
      if (!(await takeDocumentNumber(trx, ctx.deviceId, n))) return null;
      const letterId = await w.records.letter.insert(
        {
          referral_id: referral.id,
          person_id: referral.person_id,
          institution_id: referral.institution_id,
          template: draft.template,
          origin_device: ctx.deviceId,
          fiscal_year: n.fiscalYear,
          seq: n.seq,
          document_number: n.text,
          issued_on: draft.issuedOn,
          issued_by: ctx.actor.id,
          addressee: addresseeOneLine(draft.addressee),
          title: draft.title,
          data_items: JSON.stringify(draft.dataItems),
          consent_id: ground.consentId,
          consent_line: ground.line,
          override_reason: ground.overrideReason,
          with_reply_form: draft.template !== 't5' && draft.includeReplyForm ? 1 : 0,
          fields: JSON.stringify(draft),
          html_sha256: sha256(doc.html),
          pdf_sha256: sha256(doc.pdf),
          pdf_bytes: doc.pdf.length,
        },
        { html: doc.html, pdf_base64: doc.pdfBase64 },
      );
      w.audit.about({
        entity: 'letter',
        entityId: letterId,
        detail: {
          personId: referral.person_id,
          institutionId: referral.institution_id,
          documentNumber: n.text,
          template: draft.template,
          dataItems: draft.dataItems,
          consentId: ground.consentId,
          override: ground.overrideReason !== null,
        },
      });
      if (ground.overrideReason !== null) {
        // the emergency exception stands out in the audit log (the reason itself is on the entry)
        w.audit.add('letter.override', {
          entity: 'letter',
          entityId: letterId,
          detail: { personId: referral.person_id, documentNumber: n.text },
        });
      }
      return letterId;
    });
    if (id) return getLetterEntry(ctx.db, id);
  }
  throw new AppError('CONFLICT', 'Another letter took the document number; try again.');
}
