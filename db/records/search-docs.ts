import type { Transaction } from 'kysely';
import { searchDocumentText } from '../../shared/text/search-document';
import type { DB } from '../schema';
import { fixedRows } from '../sqlite/fixed-sql';

/**
 * One search document per consultation: the person's name and kana, the summary, the response,
 * the consulter note and other disease text, the name run together and the record number,
 * folded (kana kind, width, case) so that やまだ finds ヤマダ and ﾔﾏﾀﾞ (searchDocumentText).
 * The trigram index (search_fts) follows by trigger. Written only by the record writers
 * (consultation.ts, person.ts), for every write of a consultation or of a person's name; ops
 * that arrive rebuild the same text in db/sync/derived-rows.ts.
 */
export async function upsertSearchDoc(trx: Transaction<DB>, consultationId: string): Promise<void> {
  const [c] = await fixedRows<DocSource>(trx, DOC_SOURCE, [consultationId]);
  if (!c) throw new Error(`No consultation ${consultationId} to index.`);
  if (c.deleted_at) {
    // search documents hold live consultations only (the list counts hits from them)
    await trx.deleteFrom('search_docs').where('consultation_id', '=', consultationId).execute();
    return;
  }
  const text = searchDocumentText({
    name: c.name,
    nameKana: c.name_kana,
    summary: c.summary,
    responseText: c.response_text,
    consulterNote: c.consulter_note,
    diseaseOther: c.disease_other,
    referralNote: c.referral_note,
    serial: c.serial,
  });
  await fixedRows(trx, PUT_DOC, [consultationId, text]);
}

// fixed SQL (db/sqlite/fixed-sql.ts): every save writes its document
interface DocSource {
  summary: string | null;
  response_text: string | null;
  consulter_note: string | null;
  disease_other: string | null;
  referral_note: string | null;
  serial: string;
  name: string | null;
  name_kana: string | null;
  deleted_at: string | null;
}
const DOC_SOURCE = `SELECT c.summary, c.response_text, c.consulter_note, c.disease_other, c.referral_note,
    c.serial, p.name, p.name_kana, c.deleted_at
  FROM consultations AS c LEFT JOIN persons AS p ON p.id = c.person_id WHERE c.id = ?`;
const PUT_DOC = `INSERT INTO search_docs (consultation_id, text) VALUES (?, ?)
  ON CONFLICT (consultation_id) DO UPDATE SET text = excluded.text`;

/** A person's name changed: their consultations' documents change too. */
export async function reindexPersonConsultations(trx: Transaction<DB>, personId: string): Promise<void> {
  const rows = await trx.selectFrom('consultations').select('id').where('person_id', '=', personId).execute();
  for (const r of rows) await upsertSearchDoc(trx, r.id);
}
