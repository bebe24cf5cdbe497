import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/index.js';
import { clockText } from '../state/playback.js';

/** Play/pause and a time slider over a shift; `time` is seconds after `startSeconds` (seconds after midnight). */
export function Playback(props: {
  /** Names the group and the slider (巡查回放, 方案回放). */
  label: string;
  /** Prefix of the test ids: `<prefix>-play`, `<prefix>-time`, `<prefix>-clock`. */
  testId: string;
  className?: string;
  playing: boolean;
  time: number;
  end: number;
  startSeconds: number;
  onToggle: () => void;
  onTime: (time: number) => void;
}) {
  const { t } = useI18n();
  const clock = clockText(props.startSeconds + props.time);
  return (
    <div className={`playback ${props.className ?? ''}`} role="group" data-testid={`${props.testId}-playback`} aria-label={props.label}>
      <button type="button" className="button button--small" data-testid={`${props.testId}-play`} aria-pressed={props.playing} onClick={props.onToggle}>
        {props.playing ? t('playback.pause') : t('playback.play')}
      </button>
      <input
        type="range"
        min={0}
        max={Math.max(1, Math.round(props.end))}
        step={30}
        value={Math.round(props.time)}
        aria-label={props.label}
        aria-valuetext={clock}
        data-testid={`${props.testId}-time`}
        onChange={(e) => props.onTime(Number(e.target.value))}
      />
      <output data-testid={`${props.testId}-clock`}>{clock}</output>
    </div>
  );
}

/** Whether the user asks for reduced motion (prefers-reduced-motion: reduce). */
const reducedMotion = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Advances a playing playback by `speed` seconds of patrol per second on screen. Under reduced motion nothing
 * moves: the playback goes straight to its end state (advanced by an infinite step, which the reducer clamps).
 */
export function usePlaybackClock(playing: boolean, speed: number, onTick: (seconds: number) => void): void {
  // The latest callback, so that the clock restarts only when playing starts or stops.
  const tick = useRef(onTick);
  tick.current = onTick;
  useEffect(() => {
    if (!playing) return;
    if (reducedMotion()) {
      tick.current(Number.POSITIVE_INFINITY);
      return;
    }
    let last = performance.now();
    let frame = requestAnimationFrame(function step(now) {
      tick.current(((now - last) / 1000) * speed);
      last = now;
      frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, speed]);
}
