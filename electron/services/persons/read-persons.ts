import type { PersonDetail } from '../../../shared/contract/persons';
import { AppError } from '../../../shared/errors';
import { foldForSearch } from '../../../shared/text/normalize';
import type { UnitOfWork } from '../unit-of-work';
import { toPersonDetail, toPersonSummary } from './person-mapper';

/** Opening a person's record is logged (who looked at whom). */
export async function getPerson(ctx: UnitOfWork, id: string): Promise<PersonDetail> {
  const row = await ctx.db
    .selectFrom('persons')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such person.');
  ctx.audit.note('person.view', { entity: 'person', entityId: id });
  return toPersonDetail(row);
}

/**
 * Name or kana, folded, each term found with or without the spaces of the name (佐藤一郎 finds
 * 佐藤 一郎); an empty query lists the most recently updated.
 */
export async function searchPersons(ctx: UnitOfWork, query: string, limit: number, offset: number) {
  const q = foldForSearch(query);
  let sel = ctx.db
    .selectFrom('persons')
    .select(['id', 'name', 'name_kana', 'sex', 'birth_date', 'age_band', 'municipality_code'])
    .where('deleted_at', 'is', null);
  for (const term of q.split(' ').filter(Boolean)) {
    sel = sel.where((eb) =>
      eb(eb.fn('instr', [eb.fn('replace', ['search_text', eb.val(' '), eb.val('')]), eb.val(term)]), '>', 0),
    );
  }
  const rows = await sel.orderBy('updated_at', 'desc').limit(limit).offset(offset).execute();
  return rows.map(toPersonSummary);
}
