import type { OpLogTable } from '../schema';

export type SharingProfile = 'full' | 'statistics';

const STAMPS = ['created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_at'] as const;

/**
 * What a `statistics` recipient (the prefecture, by default) may receive: an allow-list per
 * entity (DOMAIN §7). No names, furigana, contact data, addresses or free text; a birth date
 * travels only as its age band; residence as a municipality code. Anything not listed, including
 * entities and fields added later, is left out until someone decides it may go.
 *
 * Ops still travel when every field is stripped (their seq keeps the recipient's version vector
 * contiguous); an empty op changes nothing there.
 */
export const STATISTICS_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  person: new Set(['sex', 'age_band', 'municipality_code', 'residence', ...STAMPS]),
  consultation: new Set([
    'serial',
    'origin_device',
    'fiscal_year',
    'received_at',
    'received_date',
    'site_kind',
    'event_id',
    'method',
    'continuity',
    'continuity_override', // a code; the reason is free text and stays home
    'case_id',
    'duration_min',
    'kind',
    'consulter',
    'person_id', // a random id: lets the prefecture count distinct persons (実人数)
    'sex',
    'age_band',
    'municipality_code',
    'residence',
    'health_center_id',
    'diagnosis_status',
    'recipient_cert',
    'disability_cert',
    'ltc_level',
    'employment',
    'living',
    'devices',
    'main_category',
    'outcome',
    'categories',
    'responses',
    'diseases',
    'responders',
    ...STAMPS,
  ]),
  case: new Set(['person_id', 'state', 'owner_id', 'opened_at', 'closed_at', 'outcome', ...STAMPS]),
  follow_up: new Set([
    'case_id',
    'consultation_id',
    'person_id',
    'due_date',
    'owner_id',
    'state',
    'completed_at',
    'completed_by',
    ...STAMPS,
  ]),
  // a public directory: the institution's name and area, never its contact person or notes
  institution: new Set([
    'type',
    'name',
    'municipality_code',
    'covered_municipalities',
    'capabilities',
    'designations',
    'active',
    ...STAMPS,
  ]),
  staff: new Set(['role', 'profession', 'active', 'created_at', 'updated_at']),
  event: new Set(['kind', 'date', 'participants', ...STAMPS]),
  // 地域支援対策事業 and meetings (0012): counts only; the topic, place, attendees and notes stay
  activity: new Set(['kind', 'date', 'participants', ...STAMPS]),
  // admission coordination: codes, dates and ids for table 12; never the reasons, needs,
  // refusals or notes as written, nor the consent record
  coordination_request: new Set([
    'person_id',
    'consultation_id',
    'kind',
    'reason',
    'requested_on',
    'wanted_from',
    'wanted_to',
    'ventilator',
    'suction',
    'gastrostomy',
    'care_level',
    'urgency',
    'owner_id',
    'state',
    'accepted_institution_id',
    'accepted_from',
    'accepted_to',
    'ended_on',
    'ended_by',
    ...STAMPS,
  ]),
  coordination_contact: new Set([
    'request_id',
    'institution_id',
    'contacted_at',
    'contacted_by',
    'answer',
    'refusal_reason',
    ...STAMPS,
  ]),
  // where a consultation was referred and how it ended (DOMAIN §6.5): codes and dates only,
  // never the purpose, the reply's person or action. Consents, letters, their files and
  // exports are personal content through and through: not listed, so nothing of them goes.
  // The link to a coordination request (coordination_request_id, 0009) is a random id and
  // harmless, but no table counts by it (12 counts requests, 5 referrals): left out, as every
  // field is that no report needs.
  referral: new Set([
    'consultation_id',
    'person_id',
    'institution_id',
    'template',
    'requested_on',
    'reply_due_on',
    'state',
    'reply_received_on',
    'reply_decision',
    ...STAMPS,
  ]),
};

/**
 * The op as a recipient with this profile may see it: fields (and the clocks of the values
 * they replaced) outside the allow-list are removed. Returns the JSON texts to send.
 */
export function filterOpForProfile(
  op: Pick<OpLogTable, 'entity' | 'fields' | 'prev'>,
  profile: SharingProfile,
): { fields: string; prev: string } {
  if (profile === 'full') return { fields: op.fields, prev: op.prev };
  const allowed = STATISTICS_FIELDS[op.entity];
  const keep = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => allowed?.has(k) ?? false));
  return {
    fields: JSON.stringify(keep(JSON.parse(op.fields) as Record<string, unknown>)),
    prev: JSON.stringify(keep(JSON.parse(op.prev) as Record<string, unknown>)),
  };
}
