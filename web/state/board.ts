// The campaign board (行动看板): which campaign the URL names, which live events change its figures, and the rows its
// bars and table show. Pure.
import type { CampaignProgress, ProgressCounts } from '../../server/contract/campaign-progress.js';
import type { LiveEvent } from '../../server/contract/events.js';

/** `?page=board&campaign=<id>`: the campaign shown, or null (the board then offers the campaigns to pick). */
export function boardCampaignOf(search: string): number | null {
  const value = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search).get('campaign');
  return value !== null && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

const progressKinds: ReadonlySet<LiveEvent['kind']> = new Set(['check_in.created', 'check_in.cosigned', 'stop.arrived', 'team.replanned', 'campaign.status']);

/** Whether an event changes what the board of `campaignId` shows (and so calls for a fresh read). */
export const changesBoard = (event: LiveEvent, campaignId: number): boolean => progressKinds.has(event.kind) && event.campaignId === campaignId;

/** How long the board waits after a change before it reads again, so that a burst of check-ins costs one read. */
export const BOARD_REFRESH_DEBOUNCE_MS = 800;

export interface Bar {
  key: string;
  counts: ProgressCounts;
  /** Shares of the planned stops, 0–1 (done may pass 1 when teams checked in beyond their plan). */
  confirmedShare: number;
  pendingShare: number;
}

export function barOf(key: string, counts: ProgressCounts): Bar {
  const planned = Math.max(counts.planned, counts.done, 1);
  return { key, counts, confirmedShare: counts.confirmed / planned, pendingShare: counts.pending / planned };
}

export const districtBars = (p: CampaignProgress): Bar[] => p.districts.map((d) => barOf(d.districtCode, d));

/** The team table: by date and shift, then district and team id, as the dispatch sheets list them. */
export const teamRows = (p: CampaignProgress) =>
  [...p.teams].sort((a, b) => a.date.localeCompare(b.date) || a.shiftId.localeCompare(b.shiftId) || a.districtCode.localeCompare(b.districtCode) || a.teamId.localeCompare(b.teamId, undefined, { numeric: true }));

/** Done share in whole per cent, for the labels. */
export const percent = (done: number, planned: number): number => (planned > 0 ? Math.round((done / planned) * 100) : 0);
