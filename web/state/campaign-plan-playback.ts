import type { CampaignPlanShift, CampaignPlanTarget, CampaignPlanTeam } from '../../server/contract/campaign-plans.js';
import { clockSeconds, positionOnPath, type LonLat, type TimedPath } from './playback.js';

// The playback of a campaign plan's map: each team of the day and shift shown moves from its base at the shift start,
// along its road line (or straight legs when the plan has none), arriving at each stop at its ETA and leaving at its
// departure time, back at the base when it returns. Pure.

interface Waypoint {
  position: LonLat;
  arrive: number;
  leave: number;
}

const distance = (a: LonLat, b: LonLat) => Math.hypot((a[0] - b[0]) * Math.cos((a[1] * Math.PI) / 180), a[1] - b[1]);

/** Base → stops → base with their times (seconds after midnight), made non-decreasing so that a bad time never runs back. */
function waypoints(team: CampaignPlanTeam, targets: ReadonlyMap<string, CampaignPlanTarget>, leaves: number): Waypoint[] {
  const list: Waypoint[] = [{ position: team.base.location, arrive: leaves, leave: leaves }];
  let last = leaves;
  const at = (clock: string) => (last = Math.max(last, Number.isFinite(clockSeconds(clock)) ? clockSeconds(clock) : last));
  for (const stop of team.stops) {
    const target = targets.get(stop.targetKey);
    if (!target) continue;
    list.push({ position: target.location, arrive: at(stop.eta), leave: at(stop.departure) });
  }
  const back = team.returns === null ? last : at(team.returns);
  list.push({ position: team.base.location, arrive: back, leave: back });
  return list;
}

/** The vertex of the line nearest each waypoint, in order along the line (the first and the last at its ends). */
function anchors(line: readonly LonLat[], points: readonly Waypoint[]): number[] {
  const result = [0];
  for (let k = 1; k < points.length - 1; k++) {
    let best = result[k - 1];
    for (let i = best; i < line.length; i++) if (distance(line[i], points[k].position) < distance(line[best], points[k].position)) best = i;
    result.push(best);
  }
  result.push(line.length - 1);
  return result;
}

/**
 * A team's path with a time (seconds after midnight) at each vertex; a stop appears twice, at its ETA and at its
 * departure. Along a road line the time of a leg is spread over its vertices by distance. Null for a team with no stop.
 */
export function teamTrack(team: CampaignPlanTeam, targets: ReadonlyMap<string, CampaignPlanTarget>, leaves: number): TimedPath | null {
  const points = waypoints(team, targets, leaves);
  if (points.length < 3) return null;
  if (team.line.length < 2) {
    return {
      path: points.flatMap((p) => (p.leave > p.arrive ? [p.position, p.position] : [p.position])),
      timestamps: points.flatMap((p) => (p.leave > p.arrive ? [p.arrive, p.leave] : [p.arrive])),
    };
  }
  const line = team.line;
  const at = anchors(line, points);
  const path: LonLat[] = [line[0]];
  const timestamps = [points[0].leave];
  for (let k = 1; k < points.length; k++) {
    const from = at[k - 1];
    const to = at[k];
    const lengths = [0];
    for (let i = from + 1; i <= to; i++) lengths.push(lengths[lengths.length - 1] + distance(line[i - 1], line[i]));
    const total = lengths[lengths.length - 1];
    const span = points[k].arrive - points[k - 1].leave;
    for (let i = from + 1; i <= to; i++) {
      path.push(line[i]);
      timestamps.push(points[k - 1].leave + (total > 0 ? (lengths[i - from] / total) * span : span));
    }
    // A stop met at the same vertex as the one before (or a zero-length leg) still arrives at its ETA.
    if (to === from) {
      path.push(line[to]);
      timestamps.push(points[k].arrive);
    }
    if (points[k].leave > points[k].arrive) {
      path.push(line[to]);
      timestamps.push(points[k].leave);
    }
  }
  return { path, timestamps };
}

export interface PlanPlayback {
  /** Seconds after midnight at which it starts: the earliest shift start of the teams shown. */
  start: number;
  /** Its length in seconds: until the last team is back. */
  end: number;
  /** Times are seconds after `start`. */
  tracks: { team: CampaignPlanTeam; track: TimedPath }[];
}

/** The playback of the teams shown; null when none of them has a stop. */
export function planPlayback(shifts: readonly CampaignPlanShift[], teams: readonly CampaignPlanTeam[], targets: readonly CampaignPlanTarget[]): PlanPlayback | null {
  const byKey = new Map(targets.map((t) => [t.key, t]));
  const starts = new Map(shifts.map((s) => [s.id, clockSeconds(s.start)]));
  const timed = teams.flatMap((team) => {
    const leaves = starts.get(team.shiftId);
    const track = leaves === undefined || !Number.isFinite(leaves) ? null : teamTrack(team, byKey, leaves);
    return track ? [{ team, track }] : [];
  });
  if (timed.length === 0) return null;
  const start = Math.min(...timed.map((t) => t.track.timestamps[0]));
  const tracks = timed.map(({ team, track }) => ({ team, track: { path: track.path, timestamps: track.timestamps.map((s) => s - start) } }));
  return { start, end: Math.max(...tracks.map((t) => t.track.timestamps[t.track.timestamps.length - 1])), tracks };
}

/** Where each team is at `time` (seconds after the playback's start). */
export function teamPositions(playback: PlanPlayback, time: number): { team: CampaignPlanTeam; position: LonLat }[] {
  return playback.tracks.flatMap(({ team, track }) => {
    const position = positionOnPath(track, time);
    return position ? [{ team, position }] : [];
  });
}
