/**
 * The intake form's fields in the order they appear (the first problem in this order gets
 * focus), each with the label the counselor sees and the DOM id its input carries.
 */
export const INTAKE_FIELDS = [
  'receivedAt',
  'durationMin',
  'method',
  'kind',
  'siteKind',
  'eventId',
  'consulter',
  'consulterNote',
  'personId',
  'name',
  'nameKana',
  'birthDate',
  'phone',
  'sex',
  'ageBand',
  'municipalityCode',
  'diseases',
  'diagnosisStatus',
  'diseaseOther',
  'recipientCert',
  'disabilityCert',
  'ltcLevel',
  'employment',
  'living',
  'devices',
  'categories',
  'summary',
  'responses',
  'responseText',
  'referralNote',
  'outcome',
  'continuity',
  'followUpTitle',
  'followUpDue',
  'followUpOwnerId',
] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];

/** i18n key of each field's visible label */
export const FIELD_LABEL: Record<IntakeField, string> = {
  receivedAt: 'ui.intake.receivedAt',
  durationMin: 'ui.intake.duration',
  method: 'ui.intake.method',
  kind: 'ui.intake.kind',
  siteKind: 'events.site.label',
  eventId: 'events.site.event',
  consulter: 'ui.intake.consulter',
  consulterNote: 'ui.intake.consulterNote',
  personId: 'ui.intake.personModes.existing',
  name: 'ui.intake.name',
  nameKana: 'ui.intake.nameKana',
  birthDate: 'ui.intake.birthDate',
  phone: 'ui.intake.phone',
  sex: 'ui.intake.sex',
  ageBand: 'ui.intake.ageBand',
  municipalityCode: 'ui.intake.municipality',
  diseases: 'ui.intake.diseases',
  diagnosisStatus: 'ui.intake.diagnosis',
  diseaseOther: 'ui.intake.diseaseOther',
  recipientCert: 'ui.intake.recipientCert',
  disabilityCert: 'ui.intake.disabilityCert',
  ltcLevel: 'ui.intake.ltc',
  employment: 'ui.intake.employment',
  living: 'ui.intake.living',
  devices: 'ui.intake.devices',
  categories: 'ui.intake.categories',
  summary: 'ui.intake.summary',
  responses: 'ui.intake.responses',
  responseText: 'ui.intake.responseText',
  referralNote: 'ui.intake.referralNote',
  outcome: 'ui.intake.outcome',
  continuity: 'ui.intake.continuity',
  followUpTitle: 'ui.intake.followUpTitle',
  followUpDue: 'ui.intake.followUpDue',
  followUpOwnerId: 'ui.intake.followUpOwner',
};

/** Fields chosen from a list (a missing one is "choose", not "enter"). */
export const CHOSEN_FIELDS: ReadonlySet<IntakeField> = new Set<IntakeField>([
  'method',
  'kind',
  'siteKind',
  'eventId',
  'consulter',
  'personId',
  'sex',
  'ageBand',
  'municipalityCode',
  'diseases',
  'diagnosisStatus',
  'recipientCert',
  'disabilityCert',
  'ltcLevel',
  'employment',
  'living',
  'devices',
  'categories',
  'responses',
  'outcome',
  'continuity',
  'followUpOwnerId',
]);

export const fieldId = (f: IntakeField) => `intake-${f}`;

const isField = (s: string | undefined): s is IntakeField =>
  s !== undefined && (INTAKE_FIELDS as readonly string[]).includes(s);

const FOLLOW_UP: Record<string, IntakeField> = {
  title: 'followUpTitle',
  dueDate: 'followUpDue',
  ownerId: 'followUpOwnerId',
};

/**
 * The form field behind a path of 'consultation.record' (or `changes.` of 'consultation.update'):
 * person.data.birthDate → birthDate, patient.diseases.0.number → diseases, followUp.title → followUpTitle.
 */
export function fieldOfPath(path: string): IntakeField | null {
  const parts = path.split('.').filter(Boolean);
  if (parts[0] === 'changes') parts.shift();
  const [head, second, third] = parts;
  if (head === 'person') return second === 'personId' ? 'personId' : isField(third) ? third : null;
  if (head === 'patient') return isField(second) ? second : null;
  if (head === 'followUp') return FOLLOW_UP[second ?? ''] ?? 'followUpTitle';
  if (head === 'mainCategory') return 'categories';
  return isField(head) ? head : null;
}
