import { personSearchText, searchDocumentText } from '../../shared/text/search-document';
import type { SqliteDb } from '../sqlite/open-encrypted';

export { personSearchText };

/**
 * Rows no op carries because each device derives them: a person's folded search text and each
 * consultation's search document. The texts are built exactly as personFields() and
 * upsertSearchDoc() build them (electron/services); the convergence test compares them across
 * devices, so a drift between the two fails there.
 */

export class DerivedRows {
  #persons = new Set<string>();
  #consultations = new Set<string>();

  constructor(private readonly sqlite: SqliteDb) {}

  /** A person's name or kana changed: their search text and their consultations' documents. */
  personNameChanged(id: string): void {
    this.#persons.add(id);
  }

  consultationChanged(id: string): void {
    this.#consultations.add(id);
  }

  /** Writes everything marked since the last flush. */
  flush(): void {
    const person = this.sqlite.prepare(`SELECT name, name_kana FROM persons WHERE id = ?`);
    const setText = this.sqlite.prepare(`UPDATE persons SET search_text = ? WHERE id = ?`);
    const ofPerson = this.sqlite.prepare(`SELECT id FROM consultations WHERE person_id = ?`);
    for (const id of this.#persons) {
      const p = person.get(id) as { name: string | null; name_kana: string | null } | undefined;
      if (!p) continue;
      setText.run(personSearchText(p.name, p.name_kana), id);
      for (const c of ofPerson.all(id) as { id: string }[]) this.#consultations.add(c.id);
    }
    const doc = this.sqlite.prepare(
      `SELECT c.summary, c.response_text, c.consulter_note, c.disease_other, c.referral_note, c.serial, p.name, p.name_kana, c.deleted_at
         FROM consultations c LEFT JOIN persons p ON p.id = c.person_id WHERE c.id = ?`,
    );
    const upsert = this.sqlite.prepare(
      `INSERT INTO search_docs (consultation_id, text) VALUES (?, ?)
       ON CONFLICT (consultation_id) DO UPDATE SET text = excluded.text WHERE text <> excluded.text`,
    );
    const drop = this.sqlite.prepare(`DELETE FROM search_docs WHERE consultation_id = ?`);
    for (const id of this.#consultations) {
      const c = doc.get(id) as Record<string, string | null> | undefined;
      if (!c) continue;
      if (c.deleted_at) {
        drop.run(id); // search documents hold live consultations only
        continue;
      }
      const text = searchDocumentText({
        name: c.name ?? null,
        nameKana: c.name_kana ?? null,
        summary: c.summary ?? null,
        responseText: c.response_text ?? null,
        consulterNote: c.consulter_note ?? null,
        diseaseOther: c.disease_other ?? null,
        referralNote: c.referral_note ?? null,
        serial: c.serial ?? '',
      });
      upsert.run(id, text);
    }
    this.#persons.clear();
    this.#consultations.clear();
  }
}
