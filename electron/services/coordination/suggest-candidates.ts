import type { CandidateDto, Nearness } from '../../../shared/contract/coordination';
import { capabilityCodes } from '../../../shared/coordination/capability-tags';
import { coverage, requirementsOf } from '../../../shared/coordination/requirements';
import { AppError } from '../../../shared/errors';
import { foldForSearch } from '../../../shared/text/normalize';
import { INSTITUTION_TYPES, type InstitutionType } from '../../../shared/vocab/institution-types';
import type { UnitOfWork } from '../unit-of-work';
import { nearnessResolver } from './area';
import { compareCandidates } from './candidate-order';

export type Within = 'all' | 'prefecture' | 'health_center' | 'municipality';

const MEDICAL_TYPES = INSTITUTION_TYPES.filter((t) => t.sector === 'medical').map((t) => t.code);

/** How near a hospital must be to stay on the list when the list is narrowed to an area. */
const ALLOWED: Record<Within, ReadonlySet<Nearness> | null> = {
  all: null,
  prefecture: new Set(['municipality', 'health_center', 'prefecture']),
  health_center: new Set(['municipality', 'health_center']),
  municipality: new Set(['municipality']),
};

/**
 * Hospitals to ask for a request: every active medical institution of the directory (of the
 * chosen area), with the needs its recorded capabilities cover and miss, how near it is, and
 * its last answer for this request; in the order of candidate-order.ts. Nothing leaves the
 * case file here, so no consent is needed to look.
 */
export async function suggestCandidates(
  ctx: UnitOfWork,
  requestId: string,
  within: Within,
): Promise<CandidateDto[]> {
  const r = await ctx.db
    .selectFrom('coordination_requests as r')
    .innerJoin('consultations as c', 'c.id', 'r.consultation_id')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .select([
      'r.id',
      'r.kind',
      'r.ventilator',
      'r.suction',
      'r.gastrostomy',
      'r.care_level',
      'c.municipality_code as consultation_municipality',
      'c.health_center_id',
      'p.municipality_code as person_municipality',
    ])
    .where('r.id', '=', requestId)
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'No such coordination request.');
  const requirements = requirementsOf({
    kind: r.kind,
    ventilator: r.ventilator,
    suction: r.suction,
    gastrostomy: r.gastrostomy === 1,
  });
  const nearness = await nearnessResolver(ctx.db, {
    municipalityCode: r.consultation_municipality ?? r.person_municipality,
    healthCenterId: r.health_center_id,
  });
  const hospitals = await ctx.db
    .selectFrom('institutions')
    .select(['id', 'type', 'designations', 'name', 'name_kana', 'municipality_code', 'phone', 'capabilities'])
    .where('type', 'in', MEDICAL_TYPES)
    .where('active', '=', 1)
    .execute();
  const contacts = await ctx.db
    .selectFrom('coordination_contacts')
    .select(['institution_id', 'answer', 'contacted_at'])
    .where('request_id', '=', requestId)
    .orderBy('contacted_at')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const last = new Map(contacts.map((k) => [k.institution_id, k])); // later calls overwrite earlier

  const allowed = ALLOWED[within];
  const ranked = [];
  for (const h of hospitals) {
    const near = await nearness(h.municipality_code);
    if (allowed && !allowed.has(near)) continue;
    const { covered, missing } = coverage(
      requirements,
      capabilityCodes(JSON.parse(h.capabilities) as string[]),
    );
    const k = last.get(h.id);
    ranked.push({
      id: h.id,
      type: h.type,
      designations: JSON.parse(h.designations) as string[],
      reading: foldForSearch(h.name_kana ?? h.name),
      missing: missing.length,
      nearness: near,
      refused: k?.answer === 'refused',
      dto: {
        institutionId: h.id,
        name: h.name,
        nameKana: h.name_kana,
        type: h.type as InstitutionType,
        municipalityCode: h.municipality_code,
        phone: h.phone,
        covered,
        missing,
        nearness: near,
        lastAnswer: k?.answer ?? null,
        lastContactAt: k?.contacted_at ?? null,
      } satisfies CandidateDto,
    });
  }
  return ranked.sort(compareCandidates(r.kind, r.care_level)).map((c) => c.dto);
}
