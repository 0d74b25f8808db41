import type { ActivityDto, ActivityInput } from '../../../shared/contract/activities';
import type { ActivityKind } from '../../../shared/vocab/activity-kinds';

/** The activity form as its inputs hold it (strings), turned into the contract input on save. */
export interface ActivityForm {
  kind: ActivityKind;
  title: string;
  date: string;
  place: string;
  attendees: { name: string; institutionId: string | null }[];
  participants: string;
  notes: string;
}

export function emptyActivity(date: string): ActivityForm {
  return { kind: 'council', title: '', date, place: '', attendees: [], participants: '', notes: '' };
}

export function fromActivity(a: ActivityDto): ActivityForm {
  return {
    kind: a.kind,
    title: a.title,
    date: a.date,
    place: a.place ?? '',
    attendees: a.attendees,
    participants: a.participants === null ? '' : String(a.participants),
    notes: a.notes ?? '',
  };
}

/** Form → 'activity.create' / 'activity.update' input; checking it is the contract's job. */
export function toActivityInput(f: ActivityForm): ActivityInput {
  const n = f.participants.normalize('NFKC').trim(); // full-width digits from the IME
  return {
    kind: f.kind,
    title: f.title,
    date: f.date,
    place: f.place,
    attendees: f.attendees,
    participants: n === '' ? null : Number(n),
    notes: f.notes,
  };
}
