import type { HandlerMap } from '../handler-types';
import { listDiseases } from './list-diseases';
import { listMunicipalities } from './list-municipalities';

type MasterChannels = 'master.diseases' | 'master.municipalities';

/** Reference lists: any logged-in role (no personal data). */
export const masterHandlers: HandlerMap<MasterChannels> = {
  'master.diseases': (ctx, i) => listDiseases(ctx, i.query),
  'master.municipalities': (ctx, i) => listMunicipalities(ctx, i.prefCode),
};
