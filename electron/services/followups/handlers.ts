import { caseHandlers, type CaseChannels } from '../cases/handlers';
import type { HandlerMap } from '../handler-types';
import { cancelFollowUp } from './cancel-follow-up';
import { completeFollowUp } from './complete-follow-up';
import { createFollowUp } from './create-follow-up';
import { dueFollowUps } from './due-follow-ups';
import { reassignFollowUp } from './reassign-follow-up';
import { rescheduleFollowUp } from './reschedule-follow-up';

type FollowUpChannels =
  | 'followup.create'
  | 'followup.complete'
  | 'followup.reschedule'
  | 'followup.reassign'
  | 'followup.cancel'
  | 'followup.due';

export const followUpHandlers: HandlerMap<FollowUpChannels | CaseChannels> = {
  'followup.create': (ctx, i) => createFollowUp(ctx, i),
  'followup.complete': (ctx, i) => completeFollowUp(ctx, i.id, i.note),
  'followup.reschedule': (ctx, i) => rescheduleFollowUp(ctx, i.id, i.dueDate),
  'followup.reassign': (ctx, i) => reassignFollowUp(ctx, i.id, i.ownerId),
  'followup.cancel': (ctx, i) => cancelFollowUp(ctx, i.id, i.note),
  'followup.due': (ctx, i) => dueFollowUps(ctx, i.scope, i.today),
  ...caseHandlers,
};
