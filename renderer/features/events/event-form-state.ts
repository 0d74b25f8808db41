import type { EventDto, EventInput, EventKind } from '../../../shared/contract/events';

/** The event form as its inputs hold it (strings), turned into the contract input on save. */
export interface EventForm {
  kind: EventKind;
  title: string;
  date: string;
  place: string;
  organisers: { name: string; institutionId: string | null }[];
  participants: string;
  notes: string;
}

export function emptyEvent(date: string): EventForm {
  return {
    kind: 'outreach_consultation',
    title: '',
    date,
    place: '',
    organisers: [],
    participants: '',
    notes: '',
  };
}

export function fromEvent(e: EventDto): EventForm {
  return {
    kind: e.kind,
    title: e.title,
    date: e.date,
    place: e.place ?? '',
    organisers: e.organisers,
    participants: e.participants === null ? '' : String(e.participants),
    notes: e.notes ?? '',
  };
}

/** Form → 'event.create' / 'event.update' input; checking it is the contract's job. */
export function toEventInput(f: EventForm): EventInput {
  const n = f.participants.normalize('NFKC').trim(); // full-width digits from the IME
  return {
    kind: f.kind,
    title: f.title,
    date: f.date,
    place: f.place,
    organisers: f.organisers,
    participants: n === '' ? null : Number(n),
    notes: f.notes,
  };
}
