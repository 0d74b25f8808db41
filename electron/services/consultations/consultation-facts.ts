import type { PersonsTable } from '../../../db/schema';
import { fixedRows } from '../../../db/sqlite/fixed-sql';
import type { ConsultationWarning } from '../../../shared/validation/consultation-warnings';
import { consultationWarnings } from '../../../shared/validation/consultation-warnings';
import { AppError } from '../../../shared/errors';
import { insertCase } from '../cases/insert-case';
import { todayLocal } from '../context';
import type { WriteUnit } from '../unit-of-work';
import { AreaLookup } from '../../../db/records/institution';
import { assertKnownDiseases, assertKnownMunicipality } from '../masters/known-references';
import { deriveContinuity, resolveContinuity, type Continuity } from './continuity';
import { patientBasics, type ConsultationFacts, type ParsedConsultation } from './consultation-fields';

/** A local wall-clock date-time (as typed) as the UTC ISO stamp cases and follow-ups keep. */
export function localToIso(receivedAt: string): string {
  return new Date(receivedAt.length === 16 ? `${receivedAt}:00` : receivedAt).toISOString();
}

/**
 * Checks an input against the reference lists and works out what follows from it, for record
 * and update alike (inside their transaction): 新規/継続 from the person's history, the area
 * (管轄保健所 through the one lookup, 県外 by the code's prefecture), and the warnings to show.
 * The case is the caller's (caseFor), as record and update differ on when one is opened.
 */
export async function consultationFacts(
  uow: WriteUnit,
  input: ParsedConsultation,
  person: PersonsTable | null,
  personId: string | null,
  self?: string,
): Promise<{ facts: Omit<ConsultationFacts, 'caseId'>; warnings: ConsultationWarning[] }> {
  const trx = uow.db;
  const day = input.receivedAt.slice(0, 10);
  await assertKnownDiseases(trx, input.patient.diseases);
  const { birthDate, municipality } = patientBasics(input, person);
  if (input.patient.municipalityCode) await assertKnownMunicipality(trx, input.patient.municipalityCode, day);
  const areas = await AreaLookup.load(trx);
  const p = input.patient;
  const residence = municipality
    ? areas.prefecture
      ? areas.residenceOf(municipality)
      : (p.residence ?? 'in_pref')
    : (p.residence ?? person?.residence ?? 'unknown');
  const healthCenterId = p.healthCenterId ?? (await areas.healthCenterOf(municipality));
  const derived = await deriveContinuity(trx, personId, input.receivedAt, self);
  const { ignored, ...continuity } = resolveContinuity(input.continuity, input.continuityReason, derived);
  const warnings = consultationWarnings({ receivedAt: input.receivedAt, birthDate, today: todayLocal(uow) });
  if (ignored) warnings.push({ code: 'CONTINUITY_FROM_HISTORY', field: 'continuity' });
  return { facts: { healthCenterId, residence, continuity }, warnings };
}

/**
 * The case a consultation belongs to: the chosen open one; else, for a person with an open case,
 * that case when the consultation is 継続 or its outcome is 継続 (never a second case); else a
 * new case when the outcome is 継続 (ongoing support), opened on the consultation's date — a 3/31
 * consultation typed in April opens its case in the old year.
 */
export async function caseFor(
  uow: WriteUnit,
  input: ParsedConsultation,
  personId: string | null,
  person: PersonsTable | null,
  continuity: Continuity,
): Promise<string | null> {
  const trx = uow.db;
  if (input.caseId) {
    const c = await trx
      .selectFrom('cases')
      .select(['id', 'state'])
      .where('id', '=', input.caseId)
      .executeTakeFirst();
    if (!c) throw new AppError('NOT_FOUND', 'The chosen case does not exist.');
    if (c.state !== 'open') throw new AppError('CONFLICT', 'The chosen case is closed.');
    return c.id;
  }
  const ongoing = input.outcome === 'continuing';
  if (personId && (ongoing || continuity === 'continuing')) {
    // fixed SQL (db/sqlite/fixed-sql.ts): most saves for a person on file ask
    const [open] = await fixedRows<{ id: string }>(
      trx,
      `SELECT id FROM cases WHERE person_id = ? AND state = 'open' ORDER BY opened_at DESC, id DESC LIMIT 1`,
      [personId],
    );
    if (open) return open.id;
  }
  if (!ongoing) return null;
  const who = person?.name ?? '匿名';
  return insertCase(uow.db, uow, {
    personId,
    title: `${who} ${input.receivedAt.slice(0, 10)}`,
    openedAt: localToIso(input.receivedAt),
  });
}
