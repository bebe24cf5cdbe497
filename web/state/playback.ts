// Playback of routes over time, shared by the patrol planner and the campaign plan's map. Pure: a path with a time at
// each vertex, where a team is at a given time, and the clock as it reads.

export type LonLat = [number, number];

export interface TimedPath {
  path: LonLat[];
  /** One per path vertex, ascending; a vertex repeated with two times is a wait there. */
  timestamps: number[];
}

/** Where a team is at `time` on its path: interpolated between the vertices; null when the path has no usable times. */
export function positionOnPath({ path, timestamps }: TimedPath, time: number): LonLat | null {
  if (path.length === 0 || timestamps.length !== path.length) return null;
  if (time <= timestamps[0]) return path[0];
  for (let i = 1; i < path.length; i++) {
    if (time <= timestamps[i]) {
      const span = timestamps[i] - timestamps[i - 1];
      const k = span > 0 ? (time - timestamps[i - 1]) / span : 1;
      return [path[i - 1][0] + k * (path[i][0] - path[i - 1][0]), path[i - 1][1] + k * (path[i][1] - path[i - 1][1])];
    }
  }
  return path[path.length - 1];
}

/** HH:MM → seconds after midnight; NaN when it is not a time. */
export function clockSeconds(clock: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(clock);
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 : NaN;
}

/** Seconds after midnight → HH:MM (minutes truncated). */
export function clockText(secondsAfterMidnight: number): string {
  const minutes = Math.floor(secondsAfterMidnight / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The playback's own state: playing or not, and the time shown in seconds after its start. */
export interface PlaybackState {
  playing: boolean;
  time: number;
}

export type PlaybackAction = { type: 'playToggled' } | { type: 'playbackSet'; time: number } | { type: 'ticked'; seconds: number } | { type: 'playbackReset' };

export const stoppedPlayback: PlaybackState = { playing: false, time: 0 };

/** The playback over `end` seconds: stops at the end; playing from the end starts again from the beginning. */
export function playbackReducer(state: PlaybackState, action: PlaybackAction, end: number): PlaybackState {
  switch (action.type) {
    case 'playToggled':
      return { playing: !state.playing, time: !state.playing && state.time >= end ? 0 : state.time };
    case 'playbackSet':
      return { ...state, time: Math.max(0, Math.min(end, Number.isFinite(action.time) ? action.time : 0)) };
    case 'ticked': {
      if (!state.playing) return state;
      const time = Math.min(end, state.time + action.seconds);
      return { playing: time < end, time };
    }
    case 'playbackReset':
      return stoppedPlayback;
  }
}
