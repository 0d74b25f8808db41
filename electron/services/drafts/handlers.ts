import { deleteDraft, readDraft, writeDraft } from '../../../db/stores/drafts';
import { nowIso } from '../context';
import type { HandlerMap } from '../handler-types';

type DraftChannels = 'draft.save' | 'draft.get' | 'draft.discard';

/** Drafts belong to the user who typed them; no audit entry per keystroke, no op (never synced). */
export const draftHandlers: HandlerMap<DraftChannels> = {
  'draft.save': async (uow, i) => {
    const updatedAt = nowIso(uow);
    await writeDraft(uow.db, { staffId: uow.actor.id, kind: i.kind, data: i.data, updatedAt });
    return { updatedAt };
  },
  'draft.get': (uow, i) => readDraft(uow.db, uow.actor.id, i.kind),
  'draft.discard': async (uow, i) => {
    await deleteDraft(uow.db, uow.actor.id, i.kind);
    return { ok: true as const };
  },
};
