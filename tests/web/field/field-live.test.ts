import { describe, expect, test } from 'vitest';
import type { LiveEvent } from '../../../server/contract/events.js';
import type { FieldAssignment, FieldDay } from '../../../server/contract/field.js';
import { changesFieldDay } from '../../../web/state/field-live.js';

const TEAM = '310107/2027-01-25/s1#1';
const assignment = { campaignId: 7, teamId: TEAM, date: '2027-01-25' } as FieldAssignment;
const day = { date: '2027-01-25', assignments: [assignment] } as FieldDay;
const envelope = { id: 1, at: '2027-01-25T02:00:00.000Z', districtCode: '310107', campaignId: 7 };

const replanned = (over: Partial<{ campaignId: number; date: string; teamIds: string[] }> = {}): LiveEvent => {
  const payload = { campaignId: 7, districtCode: '310107', date: '2027-01-25', teamIds: [TEAM], reason: 'officer_out' as const, ...over };
  return { ...envelope, campaignId: payload.campaignId, kind: 'team.replanned', payload };
};
const arrived = (teamId: string, campaignId = 7): LiveEvent => ({
  ...envelope,
  campaignId,
  kind: 'stop.arrived',
  payload: { campaignId, teamId, targetKey: 'institution:1', districtCode: '310107', arrivalId: 3, arrivedAt: envelope.at, position: null, distanceMetres: null },
});

describe('changesFieldDay', () => {
  test('a re-plan of one of my team-shifts, on my day, calls for a fresh read', () => {
    expect(changesFieldDay(replanned(), day)).toBe(true);
  });

  test('a re-plan of another team, another day or another campaign does not', () => {
    expect(changesFieldDay(replanned({ teamIds: ['310107/2027-01-25/s1#2'] }), day)).toBe(false);
    expect(changesFieldDay(replanned({ date: '2027-01-26' }), day)).toBe(false);
    expect(changesFieldDay(replanned({ campaignId: 8 }), day)).toBe(false);
  });

  test("my team's arrivals and check-ins (the other officer's) do; another team's do not", () => {
    expect(changesFieldDay(arrived(TEAM), day)).toBe(true);
    expect(changesFieldDay(arrived('310107/2027-01-25/s1#3'), day)).toBe(false);
    expect(changesFieldDay(arrived(TEAM, 9), day)).toBe(false);
  });

  test("a status change of my day's campaign does; a clue event or no day yet does not", () => {
    const status: LiveEvent = { ...envelope, districtCode: null, kind: 'campaign.status', payload: { campaignId: 7, version: 1, name: 'c', from: 'active', to: 'closed' } };
    expect(changesFieldDay(status, day)).toBe(true);
    const clue: LiveEvent = { ...envelope, campaignId: null, kind: 'clue.status', payload: { clueId: 1, districtCode: '310107', from: 'received', to: 'registered' } };
    expect(changesFieldDay(clue, day)).toBe(false);
    expect(changesFieldDay(replanned(), null)).toBe(false);
  });
});
