import { useI18n } from '../i18n/index.js';

const clock = (secondsAfterMidnight: number) => {
  const minutes = Math.floor(secondsAfterMidnight / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

/** Play/pause and a time slider over the shift; `time` is seconds after the shift start. */
export function Playback(props: { playing: boolean; time: number; end: number; startSeconds: number; onToggle: () => void; onTime: (time: number) => void }) {
  const { t } = useI18n();
  return (
    <div className="panel planner-playback" data-testid="planner-playback" aria-label={t('planner.playback')}>
      <button type="button" className="button button--small" data-testid="planner-play" onClick={props.onToggle}>
        {props.playing ? t('planner.pause') : t('planner.play')}
      </button>
      <input
        type="range"
        min={0}
        max={Math.max(1, Math.round(props.end))}
        step={30}
        value={Math.round(props.time)}
        aria-label={t('planner.playback')}
        data-testid="planner-time"
        onChange={(e) => props.onTime(Number(e.target.value))}
      />
      <output data-testid="planner-clock">{clock(props.startSeconds + props.time)}</output>
    </div>
  );
}
