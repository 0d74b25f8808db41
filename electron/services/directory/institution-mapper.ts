import type { z } from 'zod';
import type { InstitutionsTable } from '../../../db/schema';
import type { InstitutionDto, institutionInput } from '../../../shared/contract/directory';
import { normalizeCapabilityTags } from '../../../shared/coordination/capability-tags';
import type { InstitutionType } from '../../../shared/vocab/institution-types';

export type ParsedInstitution = z.output<typeof institutionInput>;

/**
 * The columns an institution input sets (stamps and `active` are the caller's). Covered
 * municipalities are kept sorted and unique, so an unchanged list compares equal on update;
 * capabilities become codes where a tag is a known one (free tags stay, see capability-tags.ts).
 */
export function institutionFields(i: ParsedInstitution) {
  return {
    type: i.type,
    // its type is not repeated among its other designations; sorted, so an unchanged list compares equal
    designations: JSON.stringify([...new Set(i.designations)].filter((d) => d !== i.type).sort()),
    name: i.name,
    name_kana: i.nameKana,
    department: i.department,
    contact_person: i.contactPerson,
    honorific: i.honorific,
    postal_code: i.postalCode,
    address: i.address,
    phone: i.phone,
    fax: i.fax,
    email: i.email,
    municipality_code: i.municipalityCode ?? null,
    covered_municipalities: JSON.stringify([...new Set(i.coveredMunicipalities)].sort()),
    capabilities: JSON.stringify(normalizeCapabilityTags(i.capabilities)),
    notes: i.notes,
  };
}

export type InstitutionFields = ReturnType<typeof institutionFields>;

export function toInstitutionDto(r: InstitutionsTable): InstitutionDto {
  return {
    id: r.id,
    type: r.type as InstitutionType,
    designations: JSON.parse(r.designations) as InstitutionDto['designations'],
    name: r.name,
    nameKana: r.name_kana,
    department: r.department,
    contactPerson: r.contact_person,
    honorific: r.honorific,
    postalCode: r.postal_code,
    address: r.address,
    phone: r.phone,
    fax: r.fax,
    email: r.email,
    municipalityCode: r.municipality_code,
    coveredMunicipalities: JSON.parse(r.covered_municipalities) as string[],
    capabilities: JSON.parse(r.capabilities) as string[],
    notes: r.notes,
    active: r.active === 1,
    version: r.version,
  };
}
