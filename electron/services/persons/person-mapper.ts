import type { PersonsTable } from '../../../db/schema';
import type { PersonDetail, PersonInput } from '../../../shared/contract/persons';
import type { personInput } from '../../../shared/contract/persons';
import type { z } from 'zod';
import { ageBandOf } from '../../../shared/dates/age';
import { ageOn } from '../../../shared/dates/age';
import { normalizeName } from '../../../shared/text/normalize';

export type ParsedPerson = z.output<typeof personInput>;

/**
 * The columns a person input sets (identity fields only; the stamps and the folded search text
 * are the record writer's: db/records/person.ts). `today` is null when this device's clock is in
 * doubt (sync/clock-check.ts): no age band is derived from a birth date then.
 */
export function personFields(p: ParsedPerson, today: string | null) {
  const name = p.name ? normalizeName(p.name) : null;
  const nameKana = p.nameKana ? normalizeName(p.nameKana) : null;
  const age = p.birthDate && today ? ageOn(p.birthDate, today) : null;
  return {
    name,
    name_kana: nameKana,
    sex: p.sex ?? null,
    birth_date: p.birthDate ?? null,
    // a birth date decides the band; otherwise what the caller said (often all we know)
    age_band: age !== null ? ageBandOf(age) : (p.ageBand ?? null),
    municipality_code: p.municipalityCode ?? null,
    residence: p.municipalityCode ? 'in_pref' : p.residence,
    postal_code: p.postalCode,
    address: p.address,
    phone: p.phone,
    email: p.email,
    notes: p.notes,
  };
}

export function toPersonDetail(r: PersonsTable): PersonDetail {
  return {
    id: r.id,
    name: r.name,
    nameKana: r.name_kana,
    sex: r.sex,
    birthDate: r.birth_date,
    ageBand: r.age_band,
    municipalityCode: r.municipality_code,
    residence: r.residence,
    postalCode: r.postal_code,
    address: r.address,
    phone: r.phone,
    email: r.email,
    notes: r.notes,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toPersonSummary(
  r: Pick<
    PersonsTable,
    'id' | 'name' | 'name_kana' | 'sex' | 'birth_date' | 'age_band' | 'municipality_code'
  >,
) {
  return {
    id: r.id,
    name: r.name,
    nameKana: r.name_kana,
    sex: r.sex,
    birthDate: r.birth_date,
    ageBand: r.age_band,
    municipalityCode: r.municipality_code,
  };
}

export type { PersonInput };
