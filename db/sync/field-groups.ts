/**
 * State transitions the merge treats as one unit (issue 17): a state and the who/when stamps and
 * data that belong to it. Per-field last-writer-wins could keep one writer's state and another's
 * stamps (a follow-up `cancelled` with `completed_at` set), and list a conflict for every stamp
 * when two devices made the same transition.
 *
 * - Every op that writes any field of a group carries the whole group (recordOp completes it
 *   from the row), and the merge decides the group as one: the op with the highest HLC among
 *   those that wrote it sets every field of it; a field an (older) op left out becomes null.
 * - A conflict on a group is one conflict, named by the group (`field` = the group's name), and
 *   only when the writers disagree on `compare` — the state and what a person entered with it.
 *   Who and when (`completed_at/by`, `closed_at`, `state_changed_at/by`) never conflict alone:
 *   two devices completing the same follow-up agree.
 */
export interface FieldGroup {
  /** what the conflict screen calls the group (a field name of its own, e.g. `state`) */
  readonly name: string;
  /** every field of the transition */
  readonly fields: readonly string[];
  /** the fields on which two writers can disagree; the rest are stamps */
  readonly compare: readonly string[];
}

export const FIELD_GROUPS: Readonly<Record<string, readonly FieldGroup[]>> = {
  follow_up: [{ name: 'state', fields: ['state', 'completed_at', 'completed_by'], compare: ['state'] }],
  case: [
    {
      name: 'state',
      fields: ['state', 'closed_at', 'outcome', 'outcome_note'],
      compare: ['state', 'outcome', 'outcome_note'],
    },
  ],
  referral: [
    {
      name: 'state',
      fields: [
        'state',
        'state_changed_at',
        'state_changed_by',
        'reply_received_on',
        'reply_decision',
        'reply_person',
        'reply_action',
        'reply_center_follow_up',
        'reply_recorded_by',
      ],
      compare: [
        'state',
        'reply_received_on',
        'reply_decision',
        'reply_person',
        'reply_action',
        'reply_center_follow_up',
      ],
    },
  ],
  coordination_request: [
    {
      name: 'state',
      fields: [
        'state',
        'accepted_institution_id',
        'accepted_from',
        'accepted_to',
        'ended_on',
        'ended_by',
        'end_note',
      ],
      compare: ['state', 'accepted_institution_id', 'accepted_from', 'accepted_to', 'ended_on', 'end_note'],
    },
    {
      name: 'consent',
      fields: ['consent_method', 'consent_date', 'consent_by', 'consent_withdrawn_on'],
      compare: ['consent_method', 'consent_date', 'consent_by', 'consent_withdrawn_on'],
    },
  ],
  // a decision on a conflict: two devices deciding differently is one conflict about it
  sync_conflict: [{ name: 'resolution', fields: ['resolution', 'value'], compare: ['resolution'] }],
  consent: [
    {
      name: 'withdrawal',
      fields: ['withdrawn_on', 'withdrawn_by', 'withdrawal_note'],
      compare: ['withdrawn_on', 'withdrawal_note'],
    },
  ],
};

const NONE: readonly FieldGroup[] = [];

export function groupsOf(entity: string): readonly FieldGroup[] {
  return Object.prototype.hasOwnProperty.call(FIELD_GROUPS, entity) ? FIELD_GROUPS[entity]! : NONE;
}

/** The group a field belongs to, if any. */
export function groupOfField(entity: string, field: string): FieldGroup | null {
  return groupsOf(entity).find((g) => g.fields.includes(field)) ?? null;
}

/** The group a conflict's `field` names (a group's name), if any. */
export function groupNamed(entity: string, name: string): FieldGroup | null {
  return groupsOf(entity).find((g) => g.name === name) ?? null;
}

/** The groups an op's fields touch. */
export function groupsTouched(entity: string, fields: Iterable<string>): FieldGroup[] {
  const names = new Set(fields);
  return groupsOf(entity).filter((g) => g.fields.some((f) => names.has(f)));
}

/** A group's value as an op wrote it (a field the op left out is null). */
export function groupValue(g: FieldGroup, fields: Record<string, unknown>, which = g.fields) {
  return Object.fromEntries(which.map((f) => [f, fields[f] ?? null]));
}

/** The clock a group holds: the latest of its fields' clocks (they are equal once merged). */
export function groupClock(g: FieldGroup, clockOf: (field: string) => string | null): string | null {
  let max: string | null = null;
  for (const f of g.fields) {
    const c = clockOf(f);
    if (c && (max === null || c > max)) max = c;
  }
  return max;
}
