import type { HandlerMap } from '../handler-types';
import { createEvent } from './create-event';
import { listEvents } from './list-events';
import { updateEvent } from './update-event';

type EventChannels = 'event.create' | 'event.update' | 'event.list';

/** Writes need 'case.manage' (checked in the use cases); every role may list. */
export const eventHandlers: HandlerMap<EventChannels> = {
  'event.create': (ctx, i) => createEvent(ctx, i),
  'event.update': (ctx, i) => updateEvent(ctx, i.id, i.expectedVersion, i.changes),
  'event.list': (ctx, i) => listEvents(ctx, i),
};
