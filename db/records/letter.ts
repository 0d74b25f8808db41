import type { RecordScope } from './record-scope';
import { insertRecord, plainRecord, type NewRecord } from './write-record';

/**
 * The letter register (append-only): the entry and its document (HTML and PDF) are two synced
 * entities with one id, written together — the entry syncs where the document may not yet.
 */
export const letterRecord = {
  async insert(s: RecordScope, entry: NewRecord<'letter'>, file: NewRecord<'letter_file'>): Promise<string> {
    const id = await insertRecord(s, 'letter', entry);
    await insertRecord(s, 'letter_file', file, { id });
    return id;
  },
};

/** The provision log (提供記録): every copy of a letter or log that left the app. */
export const letterExportRecord = plainRecord('letter_export');
