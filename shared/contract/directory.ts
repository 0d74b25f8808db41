import { z } from 'zod';
import { INSTITUTION_TYPES } from '../vocab';
import { INSTITUTION_DESIGNATIONS } from '../vocab/institution-designations';
import { channel } from './channel';
import { codeOf, id, municipalityCode, optText } from './common';

export const institutionInput = z.object({
  type: codeOf(INSTITUTION_TYPES),
  /** other designations it holds besides its type (拠点病院 and 診療連携拠点病院 at once) */
  designations: z.array(z.enum(INSTITUTION_DESIGNATIONS)).max(10).default([]),
  name: z.string().trim().min(1).max(200),
  nameKana: optText(200),
  department: optText(200),
  contactPerson: optText(100),
  honorific: z.enum(['sama', 'onchu', 'sensei']).default('onchu'),
  postalCode: optText(10),
  address: optText(300),
  phone: optText(40),
  fax: optText(40),
  email: optText(200),
  municipalityCode: municipalityCode.nullish(),
  /** for a 保健所: the municipalities it covers (管轄) */
  coveredMunicipalities: z.array(municipalityCode).default([]),
  /**
   * what the institution can take on: codes of INSTITUTION_CAPABILITIES (matched by admission
   * coordination) and free tags; known tags are stored as their code (capability-tags.ts)
   */
  capabilities: z.array(z.string().max(50)).max(50).default([]),
  notes: optText(2000),
});
export type InstitutionInput = z.input<typeof institutionInput>;

export const institutionDto = institutionInput.extend({
  id,
  nameKana: z.string().nullable(),
  department: z.string().nullable(),
  contactPerson: z.string().nullable(),
  postalCode: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  email: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  notes: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});
export type InstitutionDto = z.infer<typeof institutionDto>;

export const directoryChannels = {
  'institution.list': channel({
    auth: 'session',
    input: z.object({
      type: codeOf(INSTITUTION_TYPES).optional(),
      query: z.string().max(100).optional(),
      includeInactive: z.boolean().default(false),
    }),
    output: z.array(institutionDto),
  }),
  'institution.create': channel({ auth: 'session', input: institutionInput, output: institutionDto }),
  'institution.update': channel({
    auth: 'session',
    input: z.object({ id, expectedVersion: z.number().int().min(1), changes: institutionInput }),
    output: institutionDto,
  }),
  'institution.setActive': channel({
    auth: 'session',
    input: z.object({ id, active: z.boolean() }),
    output: institutionDto,
  }),
  /** the 保健所 whose area covers a municipality (管轄保健所), if the directory knows it */
  'institution.healthCenterFor': channel({
    auth: 'session',
    input: z.object({ municipalityCode }),
    output: institutionDto.nullable(),
  }),
};
