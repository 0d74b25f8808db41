import type { InstitutionDto } from '../../../shared/contract/directory';
import type { WriteUnit } from '../unit-of-work';
import { institutionFields, toInstitutionDto, type ParsedInstitution } from './institution-mapper';

export async function createInstitution(ctx: WriteUnit, input: ParsedInstitution): Promise<InstitutionDto> {
  const trx = ctx.db;
  const id = await ctx.records.institution.insert({ ...institutionFields(input), active: 1 });
  ctx.audit.about({
    entity: 'institution',
    entityId: id,
  });
  return toInstitutionDto(
    await trx.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  );
}
