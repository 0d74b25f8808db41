import type { HandlerMap } from '../handler-types';
import { createPerson } from './create-person';
import { personTimeline } from './person-timeline';
import { getPerson, searchPersons } from './read-persons';
import { updatePerson } from './update-person';

type PersonChannels = 'person.search' | 'person.get' | 'person.create' | 'person.update' | 'person.timeline';

export const personHandlers: HandlerMap<PersonChannels> = {
  'person.search': (ctx, i) => searchPersons(ctx, i.query, i.limit, i.offset),
  'person.get': (ctx, i) => getPerson(ctx, i.id),
  'person.create': (ctx, i) => createPerson(ctx, i),
  'person.update': (ctx, i) => updatePerson(ctx, i.id, i.expectedVersion, i.changes),
  'person.timeline': (ctx, i) => personTimeline(ctx, i.id),
};
