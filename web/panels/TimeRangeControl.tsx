import { useState } from 'react';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { defaultTimeRange, type TimeRange } from '../state/dashboard.js';
import { addDays, daysInclusive, isIsoDate } from '../../server/domain/time.js';

const presets: [number, MessageKey][] = [
  [30, 'time.last30'],
  [90, 'time.last90'],
  [365, 'time.last365'],
  [730, 'time.all'],
];

export function TimeRangeControl({ range, today, onRange, onPreset }: { range: TimeRange; today: string; onRange: (range: TimeRange) => void; onPreset: (days: number) => void }) {
  const { t } = useI18n();
  // The inputs may hold an unfinished date; a new committed range (a preset, a shared link) replaces it.
  const [draft, setDraft] = useState(range);
  const [committed, setCommitted] = useState(range);
  if (committed.from !== range.from || committed.to !== range.to) {
    setCommitted(range);
    setDraft(range);
  }
  const invalid = !isIsoDate(draft.from) || !isIsoDate(draft.to) || draft.from > draft.to;
  const activePreset = range.to === today ? daysInclusive(range.from, range.to) : null;
  // A preset always replaces the inputs, also an unfinished date over a range that already equals the preset.
  const choosePreset = (days: number) => {
    setDraft(defaultTimeRange(today, days));
    onPreset(days);
  };
  const change = (next: TimeRange) => {
    setDraft(next);
    if (isIsoDate(next.from) && isIsoDate(next.to) && next.from <= next.to) onRange(next);
  };
  return (
    <section className="panel" aria-labelledby="time-title">
      <h2 id="time-title" className="panel__title">
        {t('time.title')}
      </h2>
      <div className="presets" role="group" aria-label={t('time.title')}>
        {presets.map(([days, key]) => (
          <button key={days} type="button" className={`chip ${activePreset === days ? 'chip--on' : ''}`} aria-pressed={activePreset === days} onClick={() => choosePreset(days)} data-testid={`preset-${days}`}>
            {t(key)}
          </button>
        ))}
      </div>
      <div className="dates">
        <label>
          <span>{t('time.from')}</span>
          <input type="date" value={draft.from} min={addDays(today, -1095)} max={today} onChange={(e) => change({ ...draft, from: e.target.value })} data-testid="date-from" aria-invalid={invalid} />
        </label>
        <label>
          <span>{t('time.to')}</span>
          <input type="date" value={draft.to} max={today} onChange={(e) => change({ ...draft, to: e.target.value })} data-testid="date-to" aria-invalid={invalid} />
        </label>
      </div>
      {invalid && (
        <p className="field-error" role="alert">
          {t('time.invalid')}
        </p>
      )}
    </section>
  );
}
