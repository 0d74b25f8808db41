import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;
interface Row {
  login: string | null;
  entity: string | null;
  entityId: string | null;
}

/**
 * Names for a page of the audit log, so a reviewer reads people and records, not codes: each
 * login's staff name, and for each entry's record a short label — a consultation's number, a
 * person's name, a staff member, an institution, an event, a follow-up, a letter's number, a
 * referral's addressee, the person a coordination request is for. One query per kind of record on the page.
 */
export async function auditNames(db: Db, rows: readonly Row[]) {
  const logins = [...new Set(rows.map((r) => r.login).filter((l): l is string => !!l))];
  const idsOf = (entity: string) => [
    ...new Set(rows.filter((r) => r.entity === entity && r.entityId).map((r) => r.entityId!)),
  ];
  const staff = logins.length
    ? await db.selectFrom('staff').select(['login', 'display_name']).where('login', 'in', logins).execute()
    : [];
  const targets = new Map<string, string>();
  const put = (entity: string, list: { id: string; label: string | null }[]) => {
    for (const x of list) if (x.label) targets.set(`${entity}:${x.id}`, x.label);
  };
  const lookups: [string, (ids: string[]) => Promise<{ id: string; label: string | null }[]>][] = [
    [
      'consultation',
      (ids) =>
        db.selectFrom('consultations').select(['id', 'serial as label']).where('id', 'in', ids).execute(),
    ],
    [
      'person',
      async (ids) =>
        (
          await db.selectFrom('persons').select(['id', 'name', 'name_kana']).where('id', 'in', ids).execute()
        ).map((p) => ({ id: p.id, label: p.name ?? p.name_kana })),
    ],
    [
      'staff',
      (ids) =>
        db.selectFrom('staff').select(['id', 'display_name as label']).where('id', 'in', ids).execute(),
    ],
    [
      'institution',
      (ids) => db.selectFrom('institutions').select(['id', 'name as label']).where('id', 'in', ids).execute(),
    ],
    [
      'event',
      (ids) => db.selectFrom('events').select(['id', 'title as label']).where('id', 'in', ids).execute(),
    ],
    [
      'follow_up',
      (ids) => db.selectFrom('follow_ups').select(['id', 'title as label']).where('id', 'in', ids).execute(),
    ],
    [
      'letter',
      (ids) =>
        db.selectFrom('letters').select(['id', 'document_number as label']).where('id', 'in', ids).execute(),
    ],
    [
      'coordination_request',
      (ids) =>
        db
          .selectFrom('coordination_requests as q')
          .innerJoin('persons as p', 'p.id', 'q.person_id')
          .select(['q.id as id', 'p.name as label'])
          .where('q.id', 'in', ids)
          .execute(),
    ],
    [
      'referral',
      (ids) =>
        db
          .selectFrom('referrals as r')
          .innerJoin('institutions as i', 'i.id', 'r.institution_id')
          .select(['r.id as id', 'i.name as label'])
          .where('r.id', 'in', ids)
          .execute(),
    ],
  ];
  for (const [entity, find] of lookups) {
    const ids = idsOf(entity);
    if (ids.length) put(entity, await find(ids));
  }
  const staffName = new Map(staff.map((s) => [s.login, s.display_name]));
  return {
    staffName: (login: string | null) => (login ? (staffName.get(login) ?? null) : null),
    target: (entity: string | null, id: string | null) =>
      entity && id ? (targets.get(`${entity}:${id}`) ?? null) : null,
  };
}
