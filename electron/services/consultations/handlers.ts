import type { HandlerMap } from '../handler-types';
import { continuityOf } from './continuity-of';
import { listConsultations } from './list-consultations';
import { consultationHistory, getConsultation } from './read-consultation';
import { recordConsultation } from './record-consultation';
import { linkConsultationCase, updateConsultation } from './update-consultation';

type ConsultationChannels =
  | 'consultation.record'
  | 'consultation.update'
  | 'consultation.get'
  | 'consultation.list'
  | 'consultation.history'
  | 'consultation.linkCase'
  | 'consultation.continuityOf';

export const consultationHandlers: HandlerMap<ConsultationChannels> = {
  'consultation.record': (ctx, i) => recordConsultation(ctx, i),
  'consultation.update': (ctx, i) => updateConsultation(ctx, i.id, i.expectedVersion, i.changes),
  'consultation.get': (ctx, i) => getConsultation(ctx, i.id),
  'consultation.list': (ctx, i) => listConsultations(ctx, i),
  'consultation.history': (ctx, i) => consultationHistory(ctx, i.id),
  'consultation.linkCase': (ctx, i) => linkConsultationCase(ctx, i.id, i.caseId),
  'consultation.continuityOf': (ctx, i) => continuityOf(ctx, i),
};
