import type { PersonDetail } from '../../../shared/contract/persons';
import { AppError } from '../../../shared/errors';
import { todayLocal } from '../context';
import { todayIsTrusted } from '../sync/clock-check';
import type { WriteUnit } from '../unit-of-work';
import { personFields, toPersonDetail, type ParsedPerson } from './person-mapper';

/** Edits a person; only changed fields go to the op log. A stale version is a CONFLICT. */
export async function updatePerson(
  uow: WriteUnit,
  id: string,
  expectedVersion: number,
  changes: ParsedPerson,
): Promise<PersonDetail> {
  const before = await uow.db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before || before.deleted_at) throw new AppError('NOT_FOUND', 'No such person.');
  if (before.version !== expectedVersion) {
    throw new AppError('CONFLICT', `The person was changed meanwhile (version ${before.version}).`);
  }
  const trusted = await todayIsTrusted(uow, uow.db);
  const next = personFields(changes, trusted ? todayLocal(uow) : null);
  // a clock in doubt derives no new age band: the one the record has stays unless the birth date changed
  if (!trusted && next.birth_date === before.birth_date)
    next.age_band = before.age_band as typeof next.age_band;
  const changed = await uow.records.person.update(before, next);
  if (changed.length === 0) {
    uow.audit.skip();
    return toPersonDetail(before);
  }
  uow.audit.about({ entity: 'person', entityId: id, detail: { fields: changed } });
  return toPersonDetail(
    await uow.db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  );
}
