import type { InstitutionDto } from '../../../shared/contract/directory';
import { foldForSearch } from '../../../shared/text/normalize';
import type { InstitutionType } from '../../../shared/vocab/institution-types';
import { requirePermission, type ServiceContext } from '../context';
import { toInstitutionDto } from './institution-mapper';

export interface InstitutionFilter {
  type?: InstitutionType;
  query?: string;
  includeInactive: boolean;
}

/**
 * The directory, by reading (kana, else name). The query is folded (width, katakana →
 * hiragana, case) and every space-separated term must occur in the name or kana. A center's
 * directory is a few hundred rows, so the text match runs in JS.
 */
export async function listInstitutions(ctx: ServiceContext, f: InstitutionFilter): Promise<InstitutionDto[]> {
  requirePermission(ctx, 'directory.view');
  let sel = ctx.db.selectFrom('institutions').selectAll();
  if (f.type) sel = sel.where('type', '=', f.type);
  if (!f.includeInactive) sel = sel.where('active', '=', 1);
  const rows = await sel.execute();
  const terms = foldForSearch(f.query ?? '')
    .split(' ')
    .filter(Boolean);
  const reading = (r: (typeof rows)[number]) => foldForSearch(r.name_kana ?? r.name);
  return rows
    .filter((r) => {
      const text = foldForSearch(`${r.name} ${r.name_kana ?? ''}`);
      return terms.every((t) => text.includes(t));
    })
    .sort((a, b) => reading(a).localeCompare(reading(b), 'ja') || a.id.localeCompare(b.id))
    .map(toInstitutionDto);
}
