import type { Kysely, Transaction } from 'kysely';
import type { ConsentsTable, DB } from '../../../db/schema';
import type { ConsentDto } from '../../../shared/contract/letters';
import { AppError } from '../../../shared/errors';

type Db = Kysely<DB> | Transaction<DB>;

/** Consents with the recipients' names and the staff who obtained / withdrew them. */
export async function toConsentDtos(db: Db, rows: ConsentsTable[]): Promise<ConsentDto[]> {
  const instIds = [...new Set(rows.flatMap((r) => JSON.parse(r.recipient_ids) as string[]))];
  const staffIds = [
    ...new Set(rows.flatMap((r) => [r.obtained_by, r.withdrawn_by]).filter((x): x is string => !!x)),
  ];
  const insts = instIds.length
    ? await db.selectFrom('institutions').select(['id', 'name']).where('id', 'in', instIds).execute()
    : [];
  const staff = staffIds.length
    ? await db.selectFrom('staff').select(['id', 'display_name']).where('id', 'in', staffIds).execute()
    : [];
  const instName = new Map(insts.map((i) => [i.id, i.name]));
  const staffName = new Map(staff.map((s) => [s.id, s.display_name]));
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    referralId: r.referral_id,
    recipients: (JSON.parse(r.recipient_ids) as string[]).map((id) => ({ id, name: instName.get(id) ?? id })),
    dataItems: JSON.parse(r.data_items) as string[],
    method: r.method,
    obtainedOn: r.obtained_on,
    obtainedBy: { id: r.obtained_by, name: staffName.get(r.obtained_by) ?? r.obtained_by },
    note: r.note,
    withdrawnOn: r.withdrawn_on,
    withdrawnBy: r.withdrawn_by ? (staffName.get(r.withdrawn_by) ?? r.withdrawn_by) : null,
    withdrawalNote: r.withdrawal_note,
    version: r.version,
  }));
}

export async function loadConsent(db: Db, id: string): Promise<ConsentsTable> {
  const row = await db.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such consent.');
  return row;
}

export async function getConsentDto(db: Db, id: string): Promise<ConsentDto> {
  return (await toConsentDtos(db, [await loadConsent(db, id)]))[0]!;
}
