import type { HandlerMap } from '../handler-types';
import { closeCase } from './close-case';
import { listCases } from './list-cases';
import { openCase } from './open-case';

export type CaseChannels = 'case.open' | 'case.close' | 'case.list';

export const caseHandlers: HandlerMap<CaseChannels> = {
  'case.open': (ctx, i) => openCase(ctx, i),
  'case.close': (ctx, i) => closeCase(ctx, i.id, i.outcome, i.outcomeNote),
  'case.list': (ctx, i) => listCases(ctx, i),
};
