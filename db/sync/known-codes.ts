import {
  AGE_BANDS,
  CONSULTATION_KINDS,
  CONSULTATION_METHODS,
  CONSULTER_RELATIONSHIPS,
  CONTENT_CATEGORIES,
  DIAGNOSIS_STATUSES,
  DISABILITY_CERTIFICATE_STATUSES,
  EMPLOYMENT_STATUSES,
  LIVING_SITUATIONS,
  LONG_TERM_CARE_LEVELS,
  NEW_OR_CONTINUING,
  OUTCOMES,
  RECIPIENT_CERTIFICATE_STATUSES,
  RESPONSE_TYPES,
  SEXES,
  type VocabEntry,
} from '../../shared/vocab';

const codes = (list: readonly VocabEntry[]): ReadonlySet<string> => new Set(list.map((e) => e.code));

/**
 * The coded fields reports count by, per entity: a value outside this app's vocabulary (a newer
 * app's new consultation method) must not reach a report as a raw code (issue 17). Such a field
 * waits in sync_pending like a field this version lacks, and applies once the app knows it.
 */
const CODED: Record<string, Record<string, ReadonlySet<string>>> = {
  consultation: {
    method: codes(CONSULTATION_METHODS),
    kind: codes(CONSULTATION_KINDS),
    consulter: codes(CONSULTER_RELATIONSHIPS),
    continuity: codes(NEW_OR_CONTINUING),
    outcome: codes(OUTCOMES),
    sex: codes(SEXES),
    age_band: codes(AGE_BANDS),
    diagnosis_status: codes(DIAGNOSIS_STATUSES),
    recipient_cert: codes(RECIPIENT_CERTIFICATE_STATUSES),
    disability_cert: codes(DISABILITY_CERTIFICATE_STATUSES),
    ltc_level: codes(LONG_TERM_CARE_LEVELS),
    employment: codes(EMPLOYMENT_STATUSES),
    living: codes(LIVING_SITUATIONS),
    main_category: codes(CONTENT_CATEGORIES),
  },
  person: { sex: codes(SEXES), age_band: codes(AGE_BANDS) },
};

/** list fields whose items are codes (or objects with a `code`) */
const CODED_LISTS: Record<string, Record<string, ReadonlySet<string>>> = {
  consultation: { categories: codes(CONTENT_CATEGORIES), responses: codes(RESPONSE_TYPES) },
};

const itemCode = (x: unknown) =>
  typeof x === 'string' ? x : x && typeof x === 'object' ? (x as { code?: unknown }).code : undefined;

/** The fields of an op whose value is a code this app does not know. */
export function unknownCodeFields(
  entity: string,
  fields: Record<string, unknown>,
  names: readonly string[],
): string[] {
  const coded = CODED[entity];
  const lists = CODED_LISTS[entity];
  if (!coded && !lists) return [];
  const out: string[] = [];
  for (const f of names) {
    const v = fields[f];
    if (v === null || v === undefined) continue;
    const known = coded?.[f];
    if (known && (typeof v !== 'string' || !known.has(v))) out.push(f);
    const listKnown = lists?.[f];
    if (listKnown && Array.isArray(v) && v.some((x) => !listKnown.has(String(itemCode(x))))) out.push(f);
  }
  return out;
}
