import type { ja } from '../ja/events';

import type { Shape } from '../shape';

export const en: Shape<typeof ja> = {
  events: {
    title: 'Events',
    intro:
      'Outreach and medical consultation days, exchange meetings, lectures and trainings, peer-supporter trainings. They are counted in statistics table 10.',
    list: 'Events',
    year: 'Fiscal year',
    kindFilter: 'Filter by kind',
    allKinds: 'All kinds',
    none: 'No events in this fiscal year yet.',
    new: 'New event',
    edit: 'Edit',
    editTitle: 'Edit event',
    newTitle: 'New event',
    kind: 'Kind',
    name: 'Title',
    date: 'Date',
    place: 'Place',
    organisers: 'Organisers and partners',
    organiserName: 'Organisation name',
    fromDirectory: 'From the directory',
    addOrganiser: 'Add',
    removeOrganiser: 'Remove {{name}}',
    participants: 'Participants',
    participantsUnknown: 'not counted',
    participantsCount: '{{count}} people',
    notes: 'Notes (nothing that identifies a person)',
    save: 'Save',
    cancel: 'Cancel',
    saved: '“{{title}}” saved.',
    consultations: 'Consultations taken at this event',
    consultationsShort: 'Consultations',
    pickOne: 'Choose an event in the list to see the consultations taken there.',
    readOnly: 'Adding or editing events needs the right to manage cases.',
    site: {
      label: 'Where',
      center: 'Center',
      outreach: 'Outreach / event',
      event: 'Event',
      noEvent: '(no event)',
      hint: 'With an event chosen, the consultation counts in that event’s statistics (table 10).',
      eventMissing: 'The chosen event was not found',
    },
  },
};
