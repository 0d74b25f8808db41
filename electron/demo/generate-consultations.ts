// A deterministic plan of FICTITIOUS consultations for the demo case file: the same options
// give the same plan, item for item. Ids are only known once recorded, so the plan links a
// person's consultations by `personKey` and a case's by `caseKey`; seed-demo.ts maps the keys
// to the ids the first consultation of each created.
import type { ConsultationInput } from '../../shared/contract/consultations';
import { isIsoDate } from '../../shared/dates/iso-date';
import { topContentCategoryOf, type ContentCategory } from '../../shared/vocab/content-categories';
import type { Outcome } from '../../shared/vocab/outcomes';
import { drawContent, type DemoStaff } from './demo-consultation';
import { addDaysIso, dayNumber, isoDateTimeOfMinute, officeDays, officeMinute } from './demo-dates';
import { drawPerson, personInputOf, type DemoPerson } from './demo-person';
import { FOLLOW_UP_TITLES } from './fake-text';
import { createRng, mixSeed, type Rng } from './prng';

export interface DemoPlanOptions {
  seed: number;
  count: number;
  /** distinct identified persons (default: one per 2.5 identified consultations) */
  personCount?: number;
  /** first and last day, 'YYYY-MM-DD' */
  from: string;
  to: string;
  /** who may respond and own follow-ups (active staff of the case file) */
  staff: readonly DemoStaff[];
}

export interface DemoPlanItem {
  /**
   * What to record. A person's first consultation carries `{ mode: 'new', data }`; later ones
   * `{ mode: 'existing', personId }` with a placeholder id the recorder replaces.
   */
  input: ConsultationInput;
  /** links the consultations of one person; null when anonymous */
  personKey: string | null;
  /** links the consultations of one case (継続); the first opens it, later ones set caseId */
  caseKey: string | null;
  /** after this consultation the case is closed with the consultation's outcome */
  closesCase: boolean;
  /** the follow-up is done on this day; null: it stays open */
  followUpDoneOn: string | null;
}

export const ANONYMOUS_SHARE = 0.3;
const CONSULTATIONS_PER_PERSON = 2.5;

/** A syntactically valid stand-in id for a person not recorded yet (the recorder swaps it). */
export function placeholderPersonId(personIndex: number): string {
  return `00000000-0000-4000-8000-${personIndex.toString(16).padStart(12, '0')}`;
}

/** The whole plan as an array. For large counts prefer `planConsultations` (one at a time). */
export function generateConsultationInputs(opts: DemoPlanOptions): DemoPlanItem[] {
  return [...planConsultations(opts)];
}

/** The plan, in order of received time, generated lazily. */
export function* planConsultations(opts: DemoPlanOptions): Generator<DemoPlanItem> {
  const { count } = opts;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number: ${count}`);
  if (!isIsoDate(opts.from) || !isIsoDate(opts.to)) throw new RangeError('from and to must be YYYY-MM-DD');
  const root = createRng(mixSeed(opts.seed));
  const minutes = receivedMinutes(root.fork(1), count, opts.from, opts.to);
  const anonymous = new Uint8Array(count);
  const anonRng = root.fork(2);
  let identified = 0;
  for (let i = 0; i < count; i++) {
    anonymous[i] = anonRng.chance(ANONYMOUS_SHARE) ? 1 : 0;
    if (!anonymous[i]) identified++;
  }
  const personCount = Math.max(
    Math.min(identified, 1),
    Math.min(identified, Math.round(opts.personCount ?? identified / CONSULTATIONS_PER_PERSON)),
  );
  const firstContacts = chooseFirstContacts(root.fork(3), identified, personCount);
  const repeatRng = root.fork(5);
  const fromYear = Number(opts.from.slice(0, 4));
  const fromDay = dayNumber(opts.from);
  const persons: DemoPerson[] = [];
  const openCase: (string | null)[] = [];
  let cases = 0;
  let slot = 0; // index among identified consultations

  for (let i = 0; i < count; i++) {
    const rng = root.fork(4, i);
    const receivedAt = isoDateTimeOfMinute(minutes[i]!);
    const date = receivedAt.slice(0, 10);
    let personIndex: number | null = null;
    let firstContact = false;
    if (!anonymous[i]) {
      firstContact = firstContacts[slot++] === 1;
      if (firstContact) {
        personIndex = persons.length;
        persons.push(drawPerson(root.fork(6, personIndex), fromYear));
        openCase.push(null);
      } else {
        personIndex = repeatPerson(repeatRng, persons.length);
      }
    }
    const person = personIndex === null ? null : persons[personIndex]!;
    const age = person ? person.age + Math.floor((dayNumber(date) - fromDay) / 365.25) : null;
    const content = drawContent(rng, { person, age, staff: opts.staff });

    const { caseKey, outcome, closesCase } = caseStep(rng, openCase, personIndex, () => ++cases);
    const followUp = outcome === 'continuing' ? drawFollowUp(rng, date, content) : null;
    const followUpDoneOn =
      followUp && followUp.dueDate < opts.to && rng.chance(0.92) ? followUp.dueDate : null;

    yield {
      // 新規/継続 is not given: the app derives it from the person's history
      input: {
        receivedAt,
        ...content,
        person:
          personIndex === null
            ? { mode: 'anonymous' }
            : firstContact
              ? { mode: 'new', data: personInputOf(person!) }
              : { mode: 'existing', personId: placeholderPersonId(personIndex) },
        outcome,
        ...(followUp ? { followUp } : {}),
      },
      personKey: personIndex === null ? null : personKeyOf(personIndex),
      caseKey,
      closesCase,
      followUpDoneOn,
    };
  }
}

/**
 * The outcome and the case. A known person with an open case continues it (and may end it);
 * otherwise a consultation may open a case. Anonymous consultations never do.
 */
function caseStep(rng: Rng, openCase: (string | null)[], personIndex: number | null, nextCase: () => number) {
  if (personIndex === null) {
    const outcome: Outcome = rng.chance(0.95) ? 'closed' : 'handed_over';
    return { caseKey: null, outcome, closesCase: false };
  }
  const open = openCase[personIndex];
  if (open) {
    const outcome = rng.weighted([
      ['continuing', 55],
      ['closed', 40],
      ['handed_over', 5],
    ] as const);
    if (outcome !== 'continuing') openCase[personIndex] = null;
    return { caseKey: open, outcome, closesCase: outcome !== 'continuing' };
  }
  const outcome = rng.weighted([
    ['closed', 76],
    ['continuing', 20],
    ['handed_over', 4],
  ] as const);
  const caseKey = outcome === 'continuing' ? (openCase[personIndex] = `c${nextCase()}`) : null;
  return { caseKey, outcome, closesCase: false };
}

/** Most 継続 consultations get a follow-up 3–14 days later, owned by the first responder. */
function drawFollowUp(
  rng: Rng,
  date: string,
  content: { mainCategory?: string | null; responders?: { staffId: string }[] },
) {
  if (!rng.chance(0.7)) return null;
  const top = topContentCategoryOf(content.mainCategory as ContentCategory);
  return {
    dueDate: addDaysIso(date, rng.int(3, 14)),
    title: rng.pick(FOLLOW_UP_TITLES[top] ?? ['経過の確認']),
    ...(content.responders?.[0] ? { ownerId: content.responders[0].staffId } : {}),
  };
}

export function personKeyOf(personIndex: number): string {
  return `p${personIndex}`;
}

/** Received times (minutes since 1970, local wall time) on office days, in ascending order. */
function receivedMinutes(rng: Rng, count: number, from: string, to: string): Float64Array {
  const days = officeDays(from, to);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = rng.pick(days) * 1440 + officeMinute(rng);
  return out.sort();
}

/**
 * Which identified consultations are a person's first: exactly `persons` of them. At the start
 * of the record everyone is new to it, so the first 5% of the persons come first in a row; the
 * rest are spread evenly (selection sampling: every subset equally likely).
 */
function chooseFirstContacts(rng: Rng, identified: number, persons: number): Uint8Array {
  const out = new Uint8Array(identified);
  const warm = Math.min(persons, Math.ceil(persons * 0.05));
  out.fill(1, 0, warm);
  let needed = persons - warm;
  for (let k = warm; k < identified && needed > 0; k++) {
    if (rng.next() * (identified - k) < needed) {
      out[k] = 1;
      needed--;
    }
  }
  return out;
}

/**
 * Who comes back: mostly someone who first called recently (cases cluster in time), sometimes
 * one of the frequent callers every center knows (every 13th person).
 */
function repeatPerson(rng: Rng, introduced: number): number {
  if (introduced > 13 && rng.chance(0.12)) return 13 * rng.int(0, Math.floor((introduced - 1) / 13));
  return introduced - 1 - Math.floor(introduced * rng.next() ** 4);
}
