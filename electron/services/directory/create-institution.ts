import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../../db/audit';
import { recordOp } from '../../../db/sync/op-log';
import type { InstitutionDto } from '../../../shared/contract/directory';
import { nowIso, opWriter, requirePermission, type ServiceContext } from '../context';
import { institutionFields, toInstitutionDto, type ParsedInstitution } from './institution-mapper';

export async function createInstitution(
  ctx: ServiceContext,
  input: ParsedInstitution,
): Promise<InstitutionDto> {
  requirePermission(ctx, 'directory.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const id = uuidv7();
    const t = nowIso(ctx);
    const fields = { ...institutionFields(input), active: 1 };
    await trx
      .insertInto('institutions')
      .values({
        id,
        ...fields,
        created_at: t,
        created_by: ctx.actor.id,
        updated_at: t,
        updated_by: ctx.actor.id,
        version: 1,
      })
      .execute();
    await recordOp(trx, opWriter(ctx), 'institution', id, {
      ...fields,
      created_at: t,
      created_by: ctx.actor.id,
    });
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
