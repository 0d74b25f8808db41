import type { PersonDetail } from '../../../shared/contract/persons';
import { todayLocal } from '../context';
import { todayIsTrusted } from '../sync/clock-check';
import type { WriteUnit } from '../unit-of-work';
import { personFields, toPersonDetail, type ParsedPerson } from './person-mapper';

/** Inserts a person in the use case's transaction (also a step of consultation intake). */
export async function insertPerson(uow: WriteUnit, input: ParsedPerson): Promise<string> {
  const today = (await todayIsTrusted(uow, uow.db)) ? todayLocal(uow) : null;
  const id = await uow.records.person.insert(personFields(input, today));
  uow.audit.note('person.create', { entity: 'person', entityId: id });
  return id;
}

export async function createPerson(uow: WriteUnit, input: ParsedPerson): Promise<PersonDetail> {
  const id = await insertPerson(uow, input);
  return toPersonDetail(
    await uow.db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  );
}
