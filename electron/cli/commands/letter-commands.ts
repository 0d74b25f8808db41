import { readFileSync } from 'node:fs';
import type { LetterDraft, LetterEntry, PdfFile } from '../../../shared/contract/letters';
import { AppError } from '../../../shared/errors';
import { reserveExport } from '../../services/files/write-export';
import { MAX_DOCUMENT_BYTES } from '../../services/letters/issue-letter';
import { str } from '../args';
import { cliText, fill } from '../cli-text';
import type { Out } from './casefile-commands';
import { openCliSession } from './session-door';

/** `letter draft --referral ID [--template t1..t5]`: the draft filled from the case file, as JSON. */
export async function letterDraft(argv: string[], out: Out): Promise<void> {
  const s = await openCliSession(argv, { referral: 'string', template: 'string' });
  try {
    const v = s.values;
    if (typeof v.referral !== 'string') throw new AppError('INVALID_INPUT', '--referral ID is required');
    const d = await s.call<LetterDraft>('letter.draft', {
      referralId: v.referral,
      ...(typeof v.template === 'string' ? { template: v.template } : {}),
    });
    out(JSON.stringify(d, null, 2));
  } finally {
    await s.close();
  }
}

/**
 * `letter issue --referral ID --out FILE.pdf [--draft FILE.json] [--consent ID]
 *  [--emergency-reason TEXT]`: issues the letter (the draft from the case file unless an edited
 * one is given) and saves its PDF. Saving is an export and is logged like one. The place for
 * the PDF is taken first (room for the largest letter, in a temporary file beside --out), so a
 * full disk, a read-only or missing folder or a protected name fails before the letter takes
 * its document number.
 */
export async function letterIssue(argv: string[], out: Out): Promise<void> {
  const s = await openCliSession(argv, {
    referral: 'string',
    out: 'string',
    draft: 'string',
    consent: 'string',
    'emergency-reason': 'string',
  });
  try {
    const v = s.values;
    if (typeof v.referral !== 'string') throw new AppError('INVALID_INPUT', '--referral ID is required');
    if (typeof v.out !== 'string') throw new AppError('INVALID_INPUT', '--out FILE.pdf is required');
    let draft: unknown;
    if (typeof v.draft === 'string') {
      try {
        draft = JSON.parse(readFileSync(v.draft === '-' ? 0 : v.draft, 'utf8'));
      } catch (e) {
        throw new AppError('INVALID_INPUT', `Cannot read the draft from ${v.draft}: ${(e as Error).message}`);
      }
    } else draft = await s.call<LetterDraft>('letter.draft', { referralId: v.referral });
    const reason = v['emergency-reason'];
    const place = reserveExport(v.out, [str(v, 'casefile')], MAX_DOCUMENT_BYTES);
    let letter: LetterEntry;
    let file: PdfFile;
    try {
      letter = await s.call<LetterEntry>('letter.issue', {
        referralId: v.referral,
        draft,
        ...(typeof v.consent === 'string' ? { consentId: v.consent } : {}),
        ...(typeof reason === 'string' ? { override: { reason } } : {}),
      });
      file = await s.call<PdfFile>('letter.export', { id: letter.id });
    } catch (e) {
      place.abort();
      throw e;
    }
    place.commit(Buffer.from(file.base64, 'base64'));
    out(
      [letter.documentNumber, letter.id, v.out, fill(cliText().letters.bytes, { bytes: file.bytes })].join(
        '\t',
      ),
    );
    if (letter.overrideReason) out(cliText().letters.emergency);
  } finally {
    await s.close();
  }
}

/** `letter register [--person ID] [--json]`: issued letters, newest first. */
export async function letterRegister(argv: string[], out: Out): Promise<void> {
  const s = await openCliSession(argv, { person: 'string', limit: 'string' });
  try {
    const v = s.values;
    const r = await s.call<{ total: number; rows: LetterEntry[] }>('letter.register', {
      ...(typeof v.person === 'string' ? { personId: v.person } : {}),
      limit: typeof v.limit === 'string' ? Number(v.limit) : 500,
    });
    if (v.json) out(JSON.stringify(r, null, 2));
    else {
      for (const l of r.rows)
        out(
          [
            l.documentNumber,
            l.issuedOn,
            l.template.toUpperCase(),
            l.addressee,
            l.issuedBy,
            l.overrideReason ? '緊急提供' : '同意あり',
          ].join('\t'),
        );
      out(`${r.rows.length} / ${r.total}`);
    }
  } finally {
    await s.close();
  }
}
