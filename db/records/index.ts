import { activityRecord } from './activity';
import { caseRecord } from './case';
import { consentRecord } from './consent';
import { consultationRecord } from './consultation';
import { coordinationContactRecord } from './coordination-contact';
import { coordinationRequestRecord } from './coordination-request';
import { eventRecord } from './event';
import { followUpRecord } from './follow-up';
import { institutionRecord } from './institution';
import { letterExportRecord, letterRecord } from './letter';
import { personRecord } from './person';
import type { RecordScope } from './record-scope';
import { referralRecord } from './referral';
import { staffRecord } from './staff';

export type { RecordScope } from './record-scope';

type Writer = Record<string, (s: RecordScope, ...args: any[]) => Promise<unknown>>;
type Bound<W extends Writer> = {
  [K in keyof W]: W[K] extends (s: RecordScope, ...args: infer A) => infer R ? (...args: A) => R : never;
};

function bind<W extends Writer>(s: RecordScope, w: W): Bound<W> {
  return Object.fromEntries(
    Object.entries(w).map(([k, f]) => [k, (...args: unknown[]) => f(s, ...args)]),
  ) as Bound<W>;
}

/**
 * The writers of every synced entity, bound to one use case's transaction: the only way a use
 * case writes a synced table (`uow.records.person.insert(…)`). Each writes the row, its
 * clocks, its op and what the entity derives (search text, search documents, lists, history).
 * The sync conflict decisions (`sync_conflict`) are written by the conflict review itself.
 */
export function bindRecords(s: RecordScope) {
  return {
    person: bind(s, personRecord),
    consultation: bind(s, consultationRecord),
    case: bind(s, caseRecord),
    followUp: bind(s, followUpRecord),
    institution: bind(s, institutionRecord),
    staff: bind(s, staffRecord),
    event: bind(s, eventRecord),
    activity: bind(s, activityRecord),
    coordinationRequest: bind(s, coordinationRequestRecord),
    coordinationContact: bind(s, coordinationContactRecord),
    referral: bind(s, referralRecord),
    consent: bind(s, consentRecord),
    letter: bind(s, letterRecord),
    letterExport: bind(s, letterExportRecord),
  };
}

export type Records = ReturnType<typeof bindRecords>;
