// Which live events change the officer's day on the phone (/field), so that it reads the day again at once: a
// re-planned order of one of its team-shifts, a check-in, co-signature or arrival by the other officer of the team, a
// campaign of the day closing or reopening. Pure.
import type { FieldDay } from '../../server/contract/field.js';
import type { LiveEvent } from '../../server/contract/events.js';

/** How long the phone waits after such an event before it reads, so that a burst costs one read. */
export const FIELD_REFRESH_DEBOUNCE_MS = 500;

export function changesFieldDay(event: LiveEvent, day: FieldDay | null): boolean {
  if (!day) return false;
  const ofDay = day.assignments.filter((a) => a.campaignId === event.campaignId);
  if (ofDay.length === 0) return false;
  switch (event.kind) {
    case 'team.replanned':
      return event.payload.date === day.date && ofDay.some((a) => event.payload.teamIds.includes(a.teamId));
    case 'check_in.created':
    case 'check_in.cosigned':
    case 'stop.arrived':
      return ofDay.some((a) => a.teamId === event.payload.teamId);
    case 'campaign.status':
      return true;
    default:
      return false;
  }
}
