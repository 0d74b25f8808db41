import type { HandlerMap } from '../handler-types';
import { createActivity, listActivities, updateActivity } from './save-activity';

type ActivityChannels = 'activity.create' | 'activity.update' | 'activity.list';

/** Writes need 'case.manage' (checked in the use cases); every role may list. */
export const activityHandlers: HandlerMap<ActivityChannels> = {
  'activity.create': (ctx, i) => createActivity(ctx, i),
  'activity.update': (ctx, i) => updateActivity(ctx, i.id, i.expectedVersion, i.changes),
  'activity.list': (ctx, i) => listActivities(ctx, i),
};
