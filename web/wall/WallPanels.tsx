import type { LiveEvent } from '../../server/contract/events.js';
import type { EmergingHotspots } from '../../server/contract/index.js';
import type { WallOverview } from '../../server/contract/wall.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { districtNameIn } from '../i18n/names.js';
import { emergingLegend } from '../layers/emerging-colours.js';
import { css } from '../layers/theme.js';
import { percent } from '../state/board.js';

// The wall's panels: given their data and their age, they draw; none of them fetches.

const timeText = (iso: string | number) =>
  new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

/** A panel's frame: its title, and its data's age (stale after two missed refreshes, never blank). */
export function Panel(props: { title: string; okAt: number | null; stale: boolean; now: number; className?: string; testId: string; children: React.ReactNode; highlight?: boolean }) {
  const { t } = useI18n();
  const age = props.okAt === null ? null : Math.max(0, Math.round((props.now - props.okAt) / 1000));
  return (
    <section className={`wall-panel${props.highlight ? ' wall-panel--on' : ''}${props.stale ? ' wall-panel--stale' : ''} ${props.className ?? ''}`} data-testid={props.testId} data-stale={props.stale}>
      <header className="wall-panel__head">
        <h2>{props.title}</h2>
        <span className="wall-panel__age" data-testid={`${props.testId}-age`}>
          {props.stale && <b className="wall-stale">{t('wall.stale')}</b>}
          {age === null ? t('wall.waiting') : age < 60 ? t('wall.ageSeconds', { n: age }) : t('wall.ageMinutes', { n: Math.floor(age / 60) })}
        </span>
      </header>
      <div className="wall-panel__body">{props.children}</div>
    </section>
  );
}

export function KpiStrip({ overview, districtCode }: { overview: WallOverview; districtCode: string | null }) {
  const { t } = useI18n();
  const f = districtCode ? overview.districts.find((d) => d.districtCode === districtCode) ?? overview.totals : overview.totals;
  const c = overview.campaign;
  const cards: { key: string; label: MessageKey; value: string; sub?: string; tone?: 'warn' }[] = [
    { key: 'inspections', label: 'wall.kpi.inspections', value: `${f.done}`, sub: t('wall.kpi.ofPlanned', { planned: f.planned, pct: percent(f.done, f.planned) }) },
    { key: 'confirmed', label: 'wall.kpi.confirmed', value: `${f.confirmed}`, sub: t('wall.kpi.confirmedSub', { pct: percent(f.confirmed, f.done) }) },
    { key: 'received', label: 'wall.kpi.cluesReceived', value: `${f.cluesReceived}` },
    { key: 'closed', label: 'wall.kpi.cluesClosed', value: `${f.cluesClosed}` },
    { key: 'overdue', label: 'wall.kpi.cluesOverdue', value: `${f.cluesOverdue}`, tone: f.cluesOverdue > 0 ? 'warn' : undefined },
    { key: 'teams', label: 'wall.kpi.activeTeams', value: `${f.activeTeams}` },
    { key: 'campaign', label: 'wall.kpi.campaign', value: c ? `${percent(c.totals.done, c.totals.planned)}%` : '—', sub: c ? `${c.totals.done} / ${c.totals.planned}` : t('wall.noCampaign') },
  ];
  return (
    <div className="wall-kpis" data-testid="wall-kpis">
      {cards.map((card) => (
        <div key={card.key} className={`wall-kpi${card.tone ? ` wall-kpi--${card.tone}` : ''}`} data-testid={`wall-kpi-${card.key}`}>
          <span className="wall-kpi__label">{t(card.label)}</span>
          <strong className="wall-kpi__value">{card.value}</strong>
          {card.sub && <span className="wall-kpi__sub">{card.sub}</span>}
        </div>
      ))}
    </div>
  );
}

export function RankingBoard({ overview }: { overview: WallOverview }) {
  const { t, language } = useI18n();
  if (overview.ranking.length === 0) return <p className="wall-empty">{t('wall.noCampaign')}</p>;
  return (
    <ol className="wall-ranking" data-testid="wall-ranking">
      {overview.ranking.map((r) => (
        <li key={r.districtCode} data-testid="wall-rank-row">
          <span className="wall-ranking__rank">{r.rank}</span>
          <span className="wall-ranking__name">{districtNameIn(r.districtCode, language) ?? r.districtCode}</span>
          <span className="wall-ranking__bar">
            <span style={{ width: `${Math.max(0, Math.min(100, r.score ?? 0))}%` }} />
          </span>
          <span className="wall-ranking__score">{r.score === null ? '—' : r.score.toFixed(1)}</span>
        </li>
      ))}
    </ol>
  );
}

export function CampaignBoard({ overview, expanded }: { overview: WallOverview; expanded: boolean }) {
  const { t, language } = useI18n();
  const c = overview.campaign;
  if (!c) return <p className="wall-empty">{t('wall.noCampaign')}</p>;
  return (
    <div className="wall-board" data-testid="wall-board">
      <p className="wall-board__name">{c.name}</p>
      <p className="wall-board__span">
        {c.startsOn} – {c.endsOn}
      </p>
      <ul className="wall-bars">
        {c.districts.map((d) => (
          <li key={d.districtCode}>
            <span className="wall-bars__name">{districtNameIn(d.districtCode, language) ?? d.districtCode}</span>
            <span className="wall-bars__track">
              <span className="wall-bars__confirmed" style={{ width: `${percent(d.confirmed, Math.max(d.planned, d.done, 1))}%` }} />
              <span className="wall-bars__pending" style={{ width: `${percent(d.pending, Math.max(d.planned, d.done, 1))}%` }} />
            </span>
            <span className="wall-bars__value">
              {d.done}/{d.planned}
            </span>
          </li>
        ))}
      </ul>
      {expanded && (
        <ul className="wall-results" data-testid="wall-results">
          {c.results.map((r) => (
            <li key={r.result}>
              <span>{t(`checkInResult.${r.result}` as MessageKey)}</span>
              <strong>{r.count}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const eventKey = (e: LiveEvent): MessageKey => `wall.event.${e.kind}` as MessageKey;

function eventLine(e: LiveEvent, language: 'zh-CN' | 'en'): Record<string, string | number> {
  const district = e.districtCode ? districtNameIn(e.districtCode, language) ?? e.districtCode : '';
  const p = e.payload as Record<string, unknown>;
  return { district, result: typeof p.result === 'string' ? p.result : '', team: typeof p.teamId === 'string' ? p.teamId.split('#')[1] ?? '' : '', to: typeof p.to === 'string' ? p.to : '', name: typeof p.name === 'string' ? p.name : '' };
}

export function Ticker({ events }: { events: readonly LiveEvent[] }) {
  const { t, language } = useI18n();
  if (events.length === 0) return <p className="wall-empty">{t('wall.noEvents')}</p>;
  return (
    <ul className="wall-ticker" data-testid="wall-ticker" aria-live="polite">
      {events.slice(0, 14).map((e) => {
        const v = eventLine(e, language);
        const result = v.result ? t(`checkInResult.${v.result}` as MessageKey) : '';
        const to = !v.to ? '' : e.kind === 'campaign.status' ? t(`campaign.status.${v.to}` as MessageKey) : t(`clueStatus.${v.to}` as MessageKey);
        return (
          <li key={e.id} className={`wall-ticker__item wall-ticker__item--${e.kind.split('.')[0]}`}>
            <time>{timeText(e.at)}</time>
            <span>{t(eventKey(e), { ...v, result, to })}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function DistrictFigures({ overview, districtCode }: { overview: WallOverview; districtCode: string }) {
  const { t, language } = useI18n();
  const d = overview.districts.find((x) => x.districtCode === districtCode);
  if (!d) return null;
  const teams = overview.teams.filter((x) => x.districtCode === districtCode);
  return (
    <div className="wall-district" data-testid="wall-district" data-district={districtCode}>
      <p className="wall-district__name">{districtNameIn(districtCode, language) ?? d.name}</p>
      <dl className="wall-district__figures">
        <dt>{t('wall.kpi.inspections')}</dt>
        <dd>
          {d.done} / {d.planned}
        </dd>
        <dt>{t('wall.kpi.cluesReceived')}</dt>
        <dd>{d.cluesReceived}</dd>
        <dt>{t('wall.kpi.cluesOverdue')}</dt>
        <dd className={d.cluesOverdue > 0 ? 'wall-warn' : ''}>{d.cluesOverdue}</dd>
        <dt>{t('wall.kpi.activeTeams')}</dt>
        <dd>{d.activeTeams}</dd>
      </dl>
      <ul className="wall-teams">
        {teams.slice(0, 8).map((team) => (
          <li key={`${team.campaignId}|${team.teamId}`}>
            <span>{team.label}</span>
            <span>
              {team.start}–{team.end}
            </span>
            <span>
              {team.done}/{team.planned}
            </span>
          </li>
        ))}
        {teams.length === 0 && <li className="wall-empty">{t('wall.noTeams')}</li>}
      </ul>
    </div>
  );
}

export function TrendFigures({ emerging }: { emerging: EmergingHotspots | null }) {
  const { t } = useI18n();
  if (!emerging) return <p className="wall-empty">{t('wall.waiting')}</p>;
  const rows = emergingLegend(emerging.categoryCounts).filter((r) => r.category !== 'no_pattern' && (r.count ?? 0) > 0);
  return (
    <div className="wall-trend" data-testid="wall-trend">
      <p className="wall-trend__span">{t('wall.trendSpan', { from: emerging.steps[0] ?? '', weeks: emerging.steps.length })}</p>
      <ul>
        {rows.map((r) => (
          <li key={r.category}>
            <i style={{ background: css(r.colour) }} />
            <span>{t(`emerging.${r.category}` as MessageKey)}</span>
            <strong>{r.count}</strong>
          </li>
        ))}
        {rows.length === 0 && <li className="wall-empty">{t('wall.noTrend')}</li>}
      </ul>
    </div>
  );
}
