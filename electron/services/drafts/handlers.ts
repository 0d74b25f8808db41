import type { HandlerMap } from '../handler-types';
import { nowIso } from '../context';

type DraftChannels = 'draft.save' | 'draft.get' | 'draft.discard';

const draftId = (staffId: string, kind: string) => `${staffId}:${kind}`;

/** Drafts belong to the user who typed them; no audit entry per keystroke, no op (never synced). */
export const draftHandlers: HandlerMap<DraftChannels> = {
  'draft.save': async (ctx, i) => {
    const updatedAt = nowIso(ctx);
    const data = JSON.stringify(i.data);
    await ctx.db
      .insertInto('drafts')
      .values({
        id: draftId(ctx.actor.id, i.kind),
        staff_id: ctx.actor.id,
        kind: i.kind,
        data,
        updated_at: updatedAt,
      })
      .onConflict((oc) => oc.column('id').doUpdateSet({ data, updated_at: updatedAt }))
      .execute();
    return { updatedAt };
  },
  'draft.get': async (ctx, i) => {
    const row = await ctx.db
      .selectFrom('drafts')
      .select(['data', 'updated_at'])
      .where('id', '=', draftId(ctx.actor.id, i.kind))
      .executeTakeFirst();
    return row ? { data: JSON.parse(row.data) as Record<string, unknown>, updatedAt: row.updated_at } : null;
  },
  'draft.discard': async (ctx, i) => {
    await ctx.db.deleteFrom('drafts').where('id', '=', draftId(ctx.actor.id, i.kind)).execute();
    return { ok: true as const };
  },
};
