import type { Summary } from '../../server/contract/index.js';
import { useI18n, type MessageKey } from '../i18n/index.js';

interface Card {
  key: MessageKey;
  value: string;
  tone?: 'warn' | 'alert';
  note?: string;
}

function cards(summary: Summary, locale: string): Card[] {
  const n = (v: number) => v.toLocaleString(locale);
  const { institutions: inst, clues } = summary;
  // A change against a nearly empty previous period says nothing (the demo data start two years ago).
  const change = clues.changeRatio === null || clues.previousRange < 20 ? undefined : `${clues.changeRatio >= 0 ? '▲' : '▼'} ${Math.abs(clues.changeRatio * 100).toFixed(0)}%`;
  return [
    { key: 'kpi.institutions', value: n(inst.total) },
    { key: 'kpi.unlicensed', value: n(inst.byStatus.unlicensed), tone: 'warn' },
    { key: 'kpi.blackList', value: n(inst.byList.black), tone: 'alert' },
    { key: 'kpi.clues', value: n(clues.inRange), note: change },
    { key: 'kpi.openClues', value: n(clues.open) },
    { key: 'kpi.overdue', value: n(clues.overdue), tone: clues.overdue > 0 ? 'alert' : undefined },
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
      <section className="kpis" aria-busy="true" data-testid="kpis">
        {Array.from({ length: 7 }, (_, i) => (
          <div key={i} className="kpi kpi--skeleton" />
        ))}
      </section>
    );
  }
  return (
    <section className={`kpis ${loading ? 'kpis--stale' : ''}`} aria-busy={loading} data-testid="kpis">
      {cards(summary, language).map((card) => (
        <div key={card.key} className={`kpi ${card.tone ? `kpi--${card.tone}` : ''}`} data-kpi={card.key}>
          <div className="kpi__value">{card.value}</div>
          <div className="kpi__label">
            {t(card.key)}
            {card.note && <span className="kpi__note">{card.note}</span>}
          </div>
        </div>
      ))}
    </section>
  );
}
