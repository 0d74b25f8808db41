import { writeAudit } from '../../../db/audit';
import type { InstitutionDto } from '../../../shared/contract/directory';
import { recordsIn, requirePermission, type ServiceContext } from '../context';
import { institutionFields, toInstitutionDto, type ParsedInstitution } from './institution-mapper';

export async function createInstitution(
  ctx: ServiceContext,
  input: ParsedInstitution,
): Promise<InstitutionDto> {
  requirePermission(ctx, 'directory.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const id = await recordsIn(trx, ctx).institution.insert({ ...institutionFields(input), active: 1 });
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'institution.create',
      entity: 'institution',
      entityId: id,
    });
    return toInstitutionDto(
      await trx.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  });
}
