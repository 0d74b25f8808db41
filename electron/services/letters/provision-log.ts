import type { PdfFile, ProvisionRow } from '../../../shared/contract/letters';
import { AppError, isAppError } from '../../../shared/errors';
import { todayLocal, type ServiceContext } from '../context';
import type { UnitOfWork } from '../unit-of-work';
import { logCopy, safeFileName } from './letter-copies';
import { readLetterhead } from './letterhead';
import { renderProvisionLog } from './render/provision-log-document';

/**
 * 提供記録 (DOMAIN §5, §7): for one person, every letter issued (date, recipient, kinds of
 * information, the consent or the emergency exception) and every copy that left afterwards
 * (PDF saved, reprint, a printed provision log), oldest first.
 */
export async function provisionRows(ctx: ServiceContext, personId: string): Promise<ProvisionRow[]> {
  const letters = await ctx.db
    .selectFrom('letters as l')
    .innerJoin('staff as s', 's.id', 'l.issued_by')
    .select([
      'l.id',
      'l.created_at',
      'l.document_number',
      'l.addressee',
      'l.data_items',
      'l.consent_line',
      'l.override_reason',
      's.display_name',
    ])
    .where('l.person_id', '=', personId)
    .execute();
  const copies = await ctx.db
    .selectFrom('letter_exports as x')
    .innerJoin('staff as s', 's.id', 'x.exported_by')
    .leftJoin('letters as l', 'l.id', 'x.letter_id')
    .select([
      'x.kind',
      'x.exported_at',
      'x.letter_id',
      'x.file_name',
      'l.document_number',
      'l.addressee',
      's.display_name',
    ])
    .where('x.person_id', '=', personId)
    .execute();
  const rows: ProvisionRow[] = [
    ...letters.map((l) => ({
      at: l.created_at,
      kind: 'letter' as const,
      letterId: l.id,
      documentNumber: l.document_number,
      recipient: l.addressee,
      dataItems: JSON.parse(l.data_items) as string[],
      consentLine: l.consent_line,
      override: l.override_reason !== null,
      by: l.display_name,
      fileName: null,
    })),
    ...copies.map((c) => ({
      at: c.exported_at,
      kind: c.kind,
      letterId: c.letter_id,
      documentNumber: c.document_number,
      recipient: c.addressee,
      dataItems: [],
      consentLine: null,
      override: false,
      by: c.display_name,
      fileName: c.file_name,
    })),
  ];
  return rows.sort((a, b) => a.at.localeCompare(b.at));
}

export async function provisionLog(ctx: UnitOfWork, personId: string) {
  const person = await ctx.db
    .selectFrom('persons')
    .select('name')
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) throw new AppError('NOT_FOUND', 'No such person.');
  const rows = await provisionRows(ctx, personId);
  ctx.audit.about({
    entity: 'person',
    entityId: personId,
  });
  return { personName: person.name, rows };
}

/** The provision log printed as a PDF; it names the person, so the copy itself is logged. */
export async function provisionLogPdf(ctx: UnitOfWork, personId: string): Promise<PdfFile> {
  const person = await ctx.db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!person) throw new AppError('NOT_FOUND', 'No such person.');
  const rows = await provisionRows(ctx, personId);
  const { html, footerTemplate } = await renderProvisionLog({
    centerName: (await readLetterhead(ctx.db)).centerName ?? (await ctx.caseFile.centerName()),
    printedOn: todayLocal(ctx),
    printedBy: ctx.actor.displayName,
    person: { name: person.name ?? '', nameKana: person.name_kana ?? '', birthDate: person.birth_date },
    rows,
  });
  if (!ctx.printer) throw new AppError('PDF_FAILED', 'No PDF printer in this session.');
  let pdf: Uint8Array;
  try {
    pdf = await ctx.printer.print(html, { footerTemplate });
  } catch (e) {
    if (isAppError(e)) throw e;
    throw new AppError('PDF_FAILED', (e as Error).message);
  }
  const filename = safeFileName(`提供記録_${todayLocal(ctx)}.pdf`);
  // printed outside any transaction; the copy and its entry commit together
  await ctx.write((w) =>
    logCopy(w.db, w, { kind: 'provision_log', letterId: null, personId, fileName: filename, bytes: pdf }),
  );
  const { createHash } = await import('node:crypto');
  return {
    filename,
    mimeType: 'application/pdf',
    base64: Buffer.from(pdf).toString('base64'),
    bytes: pdf.length,
    sha256: createHash('sha256').update(pdf).digest('hex'),
  };
}
