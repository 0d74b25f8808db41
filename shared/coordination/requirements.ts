import type { InstitutionCapability } from '../vocab/institution-capabilities';

/** One thing the patient needs from a hospital, and the capabilities that provide it. */
export interface Requirement {
  /** the capability code that names the need */
  need: InstitutionCapability;
  satisfiedBy: readonly InstitutionCapability[];
}

export interface NeedsOfRequest {
  kind: string;
  ventilator: string;
  suction: string;
  gastrostomy: boolean;
}

/**
 * What a hospital must be able to do for this request, from its kind and medical needs:
 * - レスパイト needs respite beds; 診断のための受診 needs a rare-disease diagnosis clinic.
 * - TPPV and NPPV are separate skills (an invasive ventilator ward is not assumed to fit a
 *   mask, nor the other way round): each needs its own capability.
 * - occasional suction is covered by 吸引 or 頻回吸引; frequent suction only by 頻回吸引.
 * - 胃ろう・経管栄養 needs gastrostomy care.
 * The care level is not a capability: it weighs the designation (candidate-order.ts).
 */
export function requirementsOf(r: NeedsOfRequest): Requirement[] {
  const out: Requirement[] = [];
  if (r.kind === 'respite') out.push({ need: 'respite_beds', satisfiedBy: ['respite_beds'] });
  if (r.kind === 'diagnostic_visit')
    out.push({ need: 'nanbyo_diagnosis', satisfiedBy: ['nanbyo_diagnosis'] });
  if (r.ventilator === 'tppv') out.push({ need: 'ventilator_tppv', satisfiedBy: ['ventilator_tppv'] });
  if (r.ventilator === 'nppv') out.push({ need: 'ventilator_nppv', satisfiedBy: ['ventilator_nppv'] });
  if (r.suction === 'occasional') out.push({ need: 'suction', satisfiedBy: ['suction', 'frequent_suction'] });
  if (r.suction === 'frequent') out.push({ need: 'frequent_suction', satisfiedBy: ['frequent_suction'] });
  if (r.gastrostomy) out.push({ need: 'gastrostomy', satisfiedBy: ['gastrostomy'] });
  return out;
}

/** Which of the requirements a set of capabilities covers, and which it misses (names of needs). */
export function coverage(
  requirements: readonly Requirement[],
  has: ReadonlySet<string>,
): { covered: InstitutionCapability[]; missing: InstitutionCapability[] } {
  const covered: InstitutionCapability[] = [];
  const missing: InstitutionCapability[] = [];
  for (const r of requirements) (r.satisfiedBy.some((c) => has.has(c)) ? covered : missing).push(r.need);
  return { covered, missing };
}
