import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import type { LetterEntry } from '../../../shared/contract/letters';
import { AppError } from '../../../shared/errors';

type Db = Kysely<DB> | Transaction<DB>;

/** Register entries with the person's and institution's names, the issuer and the copies made. */
export function selectLetters(db: Db) {
  return db
    .selectFrom('letters as l')
    .innerJoin('institutions as i', 'i.id', 'l.institution_id')
    .innerJoin('staff as s', 's.id', 'l.issued_by')
    .leftJoin('persons as p', 'p.id', 'l.person_id')
    .select([
      'l.id',
      'l.referral_id',
      'l.person_id',
      'l.institution_id',
      'l.template',
      'l.document_number',
      'l.issued_on',
      'l.created_at',
      'l.addressee',
      'l.title',
      'l.data_items',
      'l.consent_id',
      'l.consent_line',
      'l.override_reason',
      'l.with_reply_form',
      'l.pdf_sha256',
      'l.pdf_bytes',
      'p.name as person_name',
      'i.name as institution_name',
      's.display_name as issued_by_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('letter_exports as x')
        .whereRef('x.letter_id', '=', 'l.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('copies'),
    );
}

type Row = Awaited<ReturnType<ReturnType<typeof selectLetters>['executeTakeFirstOrThrow']>>;

export function toLetterEntry(r: Row): LetterEntry {
  return {
    id: r.id,
    referralId: r.referral_id,
    personId: r.person_id,
    personName: r.person_name,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    template: r.template,
    documentNumber: r.document_number,
    issuedOn: r.issued_on,
    issuedAt: r.created_at,
    issuedBy: r.issued_by_name,
    addressee: r.addressee,
    title: r.title,
    dataItems: JSON.parse(r.data_items) as string[],
    consentId: r.consent_id,
    consentLine: r.consent_line,
    overrideReason: r.override_reason,
    withReplyForm: r.with_reply_form === 1,
    pdfSha256: r.pdf_sha256,
    pdfBytes: r.pdf_bytes,
    copies: Number(r.copies ?? 0),
  };
}

export async function getLetterEntry(db: Db, id: string): Promise<LetterEntry> {
  const row = await selectLetters(db).where('l.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such letter.');
  return toLetterEntry(row);
}
