import type { HandlerMap } from '../handler-types';
import { createInstitution } from './create-institution';
import { healthCenterFor } from './health-center-for';
import { listInstitutions } from './list-institutions';
import { setInstitutionActive } from './set-institution-active';
import { updateInstitution } from './update-institution';

type DirectoryChannels =
  | 'institution.list'
  | 'institution.create'
  | 'institution.update'
  | 'institution.setActive'
  | 'institution.healthCenterFor';

export const directoryHandlers: HandlerMap<DirectoryChannels> = {
  'institution.list': (ctx, i) => listInstitutions(ctx, i),
  'institution.create': (ctx, i) => createInstitution(ctx, i),
  'institution.update': (ctx, i) => updateInstitution(ctx, i.id, i.expectedVersion, i.changes),
  'institution.setActive': (ctx, i) => setInstitutionActive(ctx, i.id, i.active),
  'institution.healthCenterFor': (ctx, i) => healthCenterFor(ctx, i.municipalityCode),
};
