import type { z } from 'zod';
import type { ActivitiesTable } from '../../../db/schema';
import type { ActivityDto, activityInput } from '../../../shared/contract/activities';

export type ParsedActivity = z.output<typeof activityInput>;

/** The columns an input sets (ids and stamps are the caller's). */
export function activityFields(input: ParsedActivity) {
  return {
    kind: input.kind,
    title: input.title,
    date: input.date,
    place: input.place,
    attendees: JSON.stringify(input.attendees),
    participants: input.participants,
    notes: input.notes,
  };
}

export function toActivityDto(row: ActivitiesTable): ActivityDto {
  return {
    id: row.id,
    kind: row.kind as ActivityDto['kind'],
    title: row.title,
    date: row.date,
    place: row.place,
    attendees: JSON.parse(row.attendees) as ActivityDto['attendees'],
    participants: row.participants,
    notes: row.notes,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
