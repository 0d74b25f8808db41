import type { LetterDraft } from '../../../shared/contract/letters';
import { TEMPLATE_SPECS } from '../../../shared/letters/template-spec';
import {
  CONSULTATION_METHODS,
  CONTENT_CATEGORIES,
  DIAGNOSIS_STATUSES,
  DISABILITY_CERTIFICATE_STATUSES,
  LIVING_SITUATIONS,
  LONG_TERM_CARE_LEVELS,
  MEDICAL_DEVICES,
  RECIPIENT_CERTIFICATE_STATUSES,
  SEXES,
  STAFF_PROFESSIONS,
  vocabLabel,
  type LetterTemplate,
  type VocabEntry,
} from '../../../shared/vocab';
import { requirePermission, todayLocal, type ServiceContext } from '../context';
import type { UnitOfWork } from '../unit-of-work';
import { loadConsultation } from '../consultations/load-consultation';
import { getRequestDto } from '../coordination/request-dto';
import { t3LetterSeed } from '../coordination/t3-letter-seed';
import { latestMunicipalityVersion } from '../masters/latest-version';
import { loadReferral } from '../referrals/referral-dto';
import { readLetterhead } from './letterhead';
import { t3DraftFill, type T3Fill } from './t3-draft-fill';

const ja = (list: readonly VocabEntry[], code: string | null | undefined) =>
  code ? (vocabLabel(list, code, 'ja') ?? '') : '';

/** T2's work status from the consultation's employment code, where one fits. */
const WORK_STATUS: Record<string, string> = {
  employed: 'employed',
  job_seeking: 'seeking',
  on_leave: 'on_leave',
};

/**
 * A letter draft filled from the case file: the referral's institution as addressee, the center
 * and the acting counselor as sender, the person, the disease, the consultation history, and
 * the template's sections seeded from the consultation. A T3 for a referral made from an
 * accepted coordination request takes its purpose, treatment, care and timing from the request
 * (t3-draft-fill.ts). Reading it is logged (it shows health information).
 */
export async function buildDraft(
  ctx: UnitOfWork,
  referralId: string,
  template?: LetterTemplate,
): Promise<LetterDraft> {
  const r = await loadReferral(ctx.db, referralId);
  const t = template ?? r.template;
  const spec = TEMPLATE_SPECS[t];
  const c = await loadConsultation(ctx.db, r.consultation_id);
  const person = await ctx.db
    .selectFrom('persons')
    .selectAll()
    .where('id', '=', r.person_id)
    .executeTakeFirstOrThrow();
  const inst = await ctx.db
    .selectFrom('institutions')
    .selectAll()
    .where('id', '=', r.institution_id)
    .executeTakeFirstOrThrow();
  const head = await readLetterhead(ctx.db);
  const centerName = head.centerName ?? (await ctx.caseFile.centerName());
  const version = await latestMunicipalityVersion(ctx.db);
  const town =
    person.municipality_code && version
      ? await ctx.db
          .selectFrom('master_municipalities')
          .select(['pref_name', 'name'])
          .where('list_version', '=', version)
          .where('code', '=', person.municipality_code)
          .executeTakeFirst()
      : undefined;
  const history = await ctx.db
    .selectFrom('consultations')
    .select(['id', 'received_date', 'method', 'main_category'])
    .where('person_id', '=', r.person_id)
    .where('deleted_at', 'is', null)
    .orderBy('received_at', 'desc')
    .limit(10)
    .execute();
  const cats = history.length
    ? await ctx.db
        .selectFrom('consultation_categories')
        .select(['consultation_id', 'code', 'is_main'])
        .where(
          'consultation_id',
          'in',
          history.map((h) => h.id),
        )
        .execute()
    : [];
  const topics = (id: string) =>
    cats
      .filter((x) => x.consultation_id === id)
      .sort((a, b) => b.is_main - a.is_main || a.code.localeCompare(b.code))
      .map((x) => ja(CONTENT_CATEGORIES, x.code))
      .join('・');
  const p = c.patient;
  const devices = p.devices
    .map((d) => ja(MEDICAL_DEVICES, d))
    .filter(Boolean)
    .join('・');
  const living = ja(LIVING_SITUATIONS, p.living);
  const situation = [living && `生活：${living}`, devices && `医療処置：${devices}`]
    .filter(Boolean)
    .join('\n');
  const sections: Record<string, string> = {};
  const seed = (key: string, value: string | null | undefined) => {
    if (spec.sections.some((s) => s.key === key) && value) sections[key] = value;
  };
  seed('situation', situation);
  seed('centerActions', c.responseText);
  seed('request', r.purpose);
  seed('symptoms', c.summary);
  seed('treatment', devices);
  seed('care', living);
  seed('functional', situation);
  const fromRequest = t === 't3' ? await requestFill(ctx, r.coordination_request_id, living) : null;
  if (fromRequest) Object.assign(sections, fromRequest.sections);
  const choices: Record<string, string> = {};
  if (t === 't2' && p.employment && WORK_STATUS[p.employment])
    choices.workStatus = WORK_STATUS[p.employment]!;
  const diseases = [
    ...p.diseases.map((d) => d.nameJa ?? `指定難病 告示番号${d.number}`),
    ...(p.diseaseOther ? [p.diseaseOther] : []),
  ].join('、');
  ctx.audit.about({
    entity: 'referral',
    entityId: r.id,
    detail: {
      personId: r.person_id,
      template: t,
      ...(fromRequest ? { coordinationRequestId: r.coordination_request_id } : {}),
    },
  });
  return {
    template: t,
    issuedOn: todayLocal(ctx),
    title: spec.title,
    addressee: {
      organisation: inst.name,
      department: inst.department ?? '',
      person: inst.contact_person ?? '',
      honorific: inst.honorific,
    },
    sender: {
      centerName,
      postalCode: head.postalCode ?? '',
      address: head.address ?? '',
      phone: head.phone ?? '',
      fax: head.fax ?? '',
      email: head.email ?? '',
      staffName: ctx.actor.displayName,
      staffProfession: ja(STAFF_PROFESSIONS, ctx.actor.profession),
    },
    person: {
      name: person.name ?? '',
      nameKana: person.name_kana ?? '',
      birthDate: person.birth_date,
      sex: ja(SEXES, person.sex),
      postalCode: person.postal_code ?? '',
      address: person.address ?? '',
      phone: person.phone ?? '',
      municipality: town ? `${town.pref_name}${town.name}` : '',
    },
    disease: {
      names: diseases,
      diagnosisStatus: ja(DIAGNOSIS_STATUSES, p.diagnosisStatus),
      recipientCert: ja(RECIPIENT_CERTIFICATE_STATUSES, p.recipientCert),
      disabilityCert: ja(DISABILITY_CERTIFICATE_STATUSES, p.disabilityCert),
      ltcLevel: ja(LONG_TERM_CARE_LEVELS, p.ltcLevel),
      hospital: '',
      doctor: '',
    },
    history: spec.history
      ? history
          .slice()
          .reverse()
          .map((h) => ({
            date: h.received_date,
            method: ja(CONSULTATION_METHODS, h.method),
            topics: topics(h.id),
          }))
      : [],
    purposes: fromRequest?.purposes ?? [],
    purposeOther: fromRequest?.purposeOther ?? '',
    sections,
    choices,
    dataItems: [...spec.defaultItems],
    includeReplyForm: t !== 't5',
    replyDueOn: r.reply_due_on,
    referenceNumber: '',
  };
}

/**
 * The T3 parts from the referral's coordination request, while it stands as 受入決定 (the seam
 * refuses anything else; then the draft is filled from the consultation as for any referral).
 * The request's consent is not the letter's: the letter is checked against its own.
 */
async function requestFill(
  ctx: ServiceContext,
  requestId: string | null,
  living: string,
): Promise<T3Fill | null> {
  if (!requestId) return null;
  requirePermission(ctx, 'coordination.view');
  const request = await getRequestDto(ctx.db, requestId);
  if (request.state !== 'accepted') return null;
  return t3DraftFill(t3LetterSeed(request), living);
}
