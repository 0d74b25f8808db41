import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import type { PdfFile } from '../../../shared/contract/letters';
import { AppError } from '../../../shared/errors';
import { nowIso, recordsIn } from '../context';
import { type WriteUnit, type UnitOfWork } from '../unit-of-work';

export type CopyKind = 'pdf_file' | 'reprint' | 'provision_log';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A file name that names no one (file lists and recent-documents menus are not private). */
export const safeFileName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_');

/** Writes one copy to the provision log (letter_exports), its op and its audit entry. */
export async function logCopy(
  trx: Transaction<DB>,
  ctx: UnitOfWork,
  c: { kind: CopyKind; letterId: string | null; personId: string; fileName: string; bytes: Uint8Array },
): Promise<void> {
  await recordsIn(trx, ctx).letterExport.insert({
    kind: c.kind,
    letter_id: c.letterId,
    person_id: c.personId,
    file_name: c.fileName,
    bytes: c.bytes.length,
    sha256: sha256(c.bytes),
    exported_at: nowIso(ctx),
    exported_by: ctx.actor.id,
  });
  ctx.audit.note(`letter.copy.${c.kind}`, {
    entity: c.letterId ? 'letter' : 'person',
    entityId: c.letterId ?? c.personId,
    detail: { personId: c.personId, bytes: c.bytes.length, file: c.fileName },
  });
}

/**
 * The stored PDF of an issued letter, byte for byte (its hash is checked against the register),
 * for a reprint or to save as a file. Either way a copy leaves: it is logged first.
 */
export async function letterCopy(ctx: WriteUnit, id: string, kind: 'pdf_file' | 'reprint'): Promise<PdfFile> {
  return ctx.write(async (trx0) => {
    const trx = trx0.db;
    const l = await trx
      .selectFrom('letters as l')
      .innerJoin('letter_files as f', 'f.id', 'l.id')
      .select(['l.id', 'l.person_id', 'l.document_number', 'l.template', 'l.pdf_sha256', 'f.pdf_base64'])
      .where('l.id', '=', id)
      .executeTakeFirst();
    if (!l) throw new AppError('NOT_FOUND', 'No such letter (or its document has not arrived yet).');
    const pdf = Buffer.from(l.pdf_base64, 'base64');
    if (sha256(pdf) !== l.pdf_sha256)
      throw new AppError('INTEGRITY_FAILED', 'The stored PDF does not match the register.');
    const filename = safeFileName(`${l.document_number}_${l.template.toUpperCase()}.pdf`);
    await logCopy(trx, ctx, { kind, letterId: l.id, personId: l.person_id, fileName: filename, bytes: pdf });
    return {
      filename,
      mimeType: 'application/pdf' as const,
      base64: l.pdf_base64,
      bytes: pdf.length,
      sha256: l.pdf_sha256,
    };
  });
}
