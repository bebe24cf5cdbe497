import type { Summary } from '../../server/contract/index.js';
import { periodChange } from '../../server/domain/period-change.js';
import { addDays, daysInclusive, shanghaiDate } from '../../server/domain/time.js';
import { useI18n, type MessageKey, type Translate } from '../i18n/index.js';

interface Card {
  key: MessageKey;
  value: string;
  tone?: 'warn' | 'alert';
  /** What the figure covers, when it is not the chosen period. */
  asOf?: string;
  note?: { text: string; title: string; suppressed: boolean };
}

/** The change of the period's clues against the period of the same length before it, which it names. */
function changeNote(summary: Summary, t: Translate, locale: string): Card['note'] {
  const baseFrom = shanghaiDate(new Date(summary.previousFrom));
  const baseTo = addDays(shanghaiDate(new Date(summary.from)), -1);
  const dates = { from: shortDate(baseFrom, locale), to: shortDate(baseTo, locale), days: daysInclusive(baseFrom, baseTo) };
  const { firstReportedAt } = summary.clues;
  const baseComplete = firstReportedAt === null || firstReportedAt <= summary.previousFrom;
  const change = periodChange(summary.clues.inRange, summary.clues.previousRange, baseComplete);
  if (change.kind === 'baseIncomplete') {
    const since = shortDate(shanghaiDate(new Date(firstReportedAt!)), locale);
    return { text: t('kpi.change.incomplete', { days: dates.days }), title: t('kpi.change.incompleteWhy', { ...dates, since }), suppressed: true };
  }
  if (change.kind === 'baseTooSmall') {
    return {
      text: t('kpi.change.suppressed', { days: dates.days }),
      title: t('kpi.change.suppressedWhy', { ...dates, base: change.base, minimum: change.minimum }),
      suppressed: true,
    };
  }
  const percent = `${change.ratio >= 0 ? '▲' : '▼'}${Math.abs(change.ratio * 100).toFixed(0)}%`;
  return { text: t('kpi.change.vs', { percent, days: dates.days }), title: t('kpi.change.base', { ...dates, base: change.base.toLocaleString(locale) }), suppressed: false };
}

const shortDate = (date: string, locale: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });

function cards(summary: Summary, t: Translate, locale: string): Card[] {
  const n = (v: number) => v.toLocaleString(locale);
  const { institutions: inst, clues } = summary;
  const now = t('kpi.now');
  return [
    { key: 'kpi.institutions', value: n(inst.total), asOf: now },
    { key: 'kpi.unlicensed', value: n(inst.byStatus.unlicensed), tone: 'warn', asOf: now },
    { key: 'kpi.blackList', value: n(inst.byList.black), tone: 'alert', asOf: now },
    { key: 'kpi.clues', value: n(clues.inRange), note: changeNote(summary, t, locale) },
    { key: 'kpi.openClues', value: n(clues.open), asOf: now },
    { key: 'kpi.overdue', value: n(clues.overdue), tone: clues.overdue > 0 ? 'alert' : undefined, asOf: now },
    { key: 'kpi.closedRate', value: clues.closureRate === null ? '—' : `${(clues.closureRate * 100).toFixed(1)}%` },
  ];
}

export function KpiCards({ summary, loading, error, onRetry }: { summary: Summary | null; loading: boolean; error: string | null; onRetry: () => void }) {
  const { t, language } = useI18n();
  if (error && !summary) {
    return (
      <section className="kpis kpis--error" role="alert" data-testid="kpis">
        <span>{t('state.error', { message: error })}</span>
        <button type="button" className="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      </section>
    );
  }
  if (!summary) {
    return (
      <section className="kpis" aria-busy="true" data-testid="kpis" data-map-overlay>
        {Array.from({ length: 7 }, (_, i) => (
          <div key={i} className="kpi kpi--skeleton" />
        ))}
      </section>
    );
  }
  return (
    <section className={`kpis ${loading ? 'kpis--stale' : ''}`} aria-busy={loading} data-testid="kpis" data-map-overlay>
      {cards(summary, t, language).map((card) => (
        <div
          key={card.key}
          className={`kpi ${card.tone ? `kpi--${card.tone}` : ''}`}
          data-kpi={card.key}
          title={card.asOf ? t('kpi.nowHint') : t('kpi.periodHint')}
        >
          <div className="kpi__value">{card.value}</div>
          <div className="kpi__label">
            {t(card.key)}
            {card.asOf && (
              <span className="kpi__as-of" data-testid="kpi-as-of">
                {card.asOf}
              </span>
            )}
          </div>
          {card.note && (
            <div className={`kpi__note ${card.note.suppressed ? 'kpi__note--suppressed' : ''}`} title={card.note.title} data-testid="kpi-change">
              {card.note.text}
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
