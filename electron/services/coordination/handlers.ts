import type { HandlerMap } from '../handler-types';
import { endRequest } from './end-request';
import { getRequest } from './get-request';
import { listBoard } from './list-board';
import { logContact } from './log-contact';
import { openRequest } from './open-request';
import { recordConsent } from './record-consent';
import { suggestCandidates } from './suggest-candidates';
import { updateRequest } from './update-request';
import { withdrawConsent } from './withdraw-consent';

type CoordinationChannels =
  | 'coordination.open'
  | 'coordination.update'
  | 'coordination.recordConsent'
  | 'coordination.withdrawConsent'
  | 'coordination.get'
  | 'coordination.list'
  | 'coordination.candidates'
  | 'coordination.logContact'
  | 'coordination.end';

export const coordinationHandlers: HandlerMap<CoordinationChannels> = {
  'coordination.open': (ctx, i) => openRequest(ctx, i),
  'coordination.update': (ctx, i) => updateRequest(ctx, i.id, i.expectedVersion, i.changes),
  'coordination.recordConsent': (ctx, i) => recordConsent(ctx, i.id, i.consent),
  'coordination.withdrawConsent': (ctx, i) => withdrawConsent(ctx, i.id, i.withdrawnOn),
  'coordination.get': (ctx, i) => getRequest(ctx, i.id),
  'coordination.list': (ctx, i) => listBoard(ctx, i),
  'coordination.candidates': (ctx, i) => suggestCandidates(ctx, i.id, i.within),
  'coordination.logContact': (ctx, i) => logContact(ctx, i),
  'coordination.end': (ctx, i) => endRequest(ctx, i),
};
