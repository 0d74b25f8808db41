import type { z } from 'zod';
import type { EventsTable } from '../../../db/schema';
import type { SyncedEntity } from '../../../db/sync/op-log';
import type { EventDto, eventInput } from '../../../shared/contract/events';

export type ParsedEvent = z.output<typeof eventInput>;

/**
 * The op-log entity name of events. db/sync/op-log.ts does not list 'event' yet (that file
 * belongs to the sync work): the cast goes once 'event' is added to SyncedEntity there.
 */
export const EVENT_ENTITY = 'event' as SyncedEntity;

/** The columns an input sets (ids and stamps are the caller's). */
export function eventFields(input: ParsedEvent) {
  return {
    kind: input.kind,
    title: input.title,
    date: input.date,
    place: input.place,
    organisers: JSON.stringify(input.organisers),
    participants: input.participants,
    notes: input.notes,
  };
}

export function toEventDto(row: EventsTable, consultationCount: number): EventDto {
  return {
    id: row.id,
    kind: row.kind as EventDto['kind'],
    title: row.title,
    date: row.date,
    place: row.place,
    organisers: JSON.parse(row.organisers) as EventDto['organisers'],
    participants: row.participants,
    notes: row.notes,
    consultationCount,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
