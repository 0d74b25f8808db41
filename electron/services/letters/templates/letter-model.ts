import type { LetterDraft } from '../../../../shared/contract/letters';

/** What a template prints: the draft as edited, plus what only the issue decides. */
export interface LetterModel {
  draft: LetterDraft;
  /** 埼難相第R7-KT-0001号, or a placeholder in the preview */
  documentNumber: string;
  /** 本人の同意：口頭により取得（…） or the emergency line */
  consentLine: string;
}

export const has = (m: LetterModel, item: string) => m.draft.dataItems.includes(item as never);
