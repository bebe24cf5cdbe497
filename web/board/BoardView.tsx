import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Me } from '../../server/contract/index.js';
import type { CampaignProgress } from '../../server/contract/campaign-progress.js';
import type { LiveEvent } from '../../server/contract/events.js';
import { checkInResults } from '../../server/domain/vocabulary.js';
import { useCampaignProgress, useDistricts, useLiveEvents, type LiveEvents } from '../api/index.js';
import { useCampaigns } from '../api/campaigns.js';
import { errorMessage } from '../api/errors.js';
import { useI18n, type Language, type MessageKey } from '../i18n/index.js';
import { districtName } from '../i18n/names.js';
import { BOARD_COLOURS, boardBounds, boardMarkers, buildBoardLayers } from '../layers/board-layers.js';
import { PLAN_TEAM_COLOURS } from '../layers/campaign-plan-layers.js';
import { css, type Rgba } from '../layers/theme.js';
import type { DistrictFeature } from '../layers/types.js';
import { nextViewRequestSeq, type ViewRequest } from '../map/MapView.js';
import { OverlayMap } from '../map/OverlayMap.js';
import { TopBar } from '../panels/TopBar.js';
import { BOARD_REFRESH_DEBOUNCE_MS, barOf, boardCampaignOf, changesBoard, districtBars, percent, teamRows, type Bar } from '../state/board.js';
import './board.css';

// 行动看板: the progress of one campaign, read at this page's level and read again (debounced) whenever the live
// stream reports a change of this campaign; the parts below get their data as props.

export interface BoardViewProps {
  user: Me;
  language: Language;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
  onBack: () => void;
}

const timeText = (iso: string | Date) =>
  new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

export function BoardView({ user, onLanguage, onLogout, onBack }: BoardViewProps) {
  const { t } = useI18n();
  const [campaignId, setCampaignId] = useState(() => boardCampaignOf(window.location.search));
  const [revision, setRevision] = useState(0);
  const progress = useCampaignProgress(campaignId, revision);
  const districts = useDistricts();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (campaignId === null || !changesBoard(event, campaignId) || timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        setRevision((r) => r + 1);
      }, BOARD_REFRESH_DEBOUNCE_MS);
    },
    [campaignId],
  );
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const live = useLiveEvents(campaignId !== null, onEvent);
  // A reconnect may have missed nothing or much: the replay covers the events, a fresh read covers the rest.
  const wasLive = useRef(false);
  useEffect(() => {
    if (live.status === 'live' && !wasLive.current && revision > 0) setRevision((r) => r + 1);
    wasLive.current = live.status === 'live';
  }, [live.status, revision]);

  const pick = (id: number) => {
    const params = new URLSearchParams(window.location.search);
    params.set('campaign', String(id));
    window.history.pushState(null, '', `${window.location.pathname}?${params}`);
    setCampaignId(id);
  };

  const data = progress.data;
  return (
    <div className="board-page" data-testid="board-page">
      <TopBar user={user} onLanguage={onLanguage} onLogout={onLogout} />
      <main className="board-main">
        <header className="board-head">
          <button type="button" className="button button--ghost" onClick={onBack} data-testid="board-back">
            ← {t('campaign.back')}
          </button>
          <h2 className="panel__title">
            {t('board.title')}
            {data ? ` · ${data.name}` : ''}
          </h2>
          {campaignId !== null && <LiveIndicator live={live} />}
        </header>
        {campaignId === null && <CampaignPicker onPick={pick} />}
        {campaignId !== null && !data && progress.loading && (
          <p className="state-line" role="status">
            <span className="spinner" aria-hidden="true" /> {t('state.loading')}
          </p>
        )}
        {progress.error && (
          <p className="state-line state-line--error" role="alert" data-testid="board-error">
            {progress.error.status === 404 ? t('board.noPlan') : t(errorMessage(progress.error).key)}{' '}
            <button type="button" className="button button--small" onClick={progress.retry}>
              {t('layers.retry')}
            </button>
          </p>
        )}
        {data && <BoardBody progress={data} districts={districts.data?.features ?? []} />}
      </main>
    </div>
  );
}

function LiveIndicator({ live }: { live: LiveEvents }) {
  const { t } = useI18n();
  const on = live.status === 'live';
  return (
    <p className={`board-live${on ? ' board-live--on' : ''}`} role="status" data-testid="board-live" data-status={live.status}>
      <span className="board-live__dot" aria-hidden="true" />
      {t(on ? 'board.live' : live.status === 'closed' ? 'board.closed' : 'board.reconnecting')}
      <span className="board-live__last" data-testid="board-last-event">
        {live.lastEventAt ? t('board.lastEvent', { time: timeText(live.lastEventAt) }) : t('board.noEventYet')}
      </span>
    </p>
  );
}

function CampaignPicker({ onPick }: { onPick: (id: number) => void }) {
  const { t } = useI18n();
  const list = useCampaigns(0);
  const running = (list.data?.campaigns ?? []).filter((c) => c.status === 'active' || c.status === 'approved' || c.status === 'closed');
  return (
    <section className="panel board-picker" data-testid="board-picker">
      <h3 className="panel__subtitle">{t('board.pick')}</h3>
      {list.data && running.length === 0 && <p className="state-line">{t('board.noneRunning')}</p>}
      <ul>
        {running.map((c) => (
          <li key={c.id}>
            <button type="button" className="button" onClick={() => onPick(c.id)} data-testid="board-pick">
              {c.definition.name} · {t(`campaign.status.${c.status}` as MessageKey)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function BoardBody({ progress, districts }: { progress: CampaignProgress; districts: readonly DistrictFeature[] }) {
  const { t, language } = useI18n();
  const rows = useMemo(() => teamRows(progress), [progress]);
  const colours = useMemo(() => new Map(rows.map((r, i) => [r.teamId, PLAN_TEAM_COLOURS[i % PLAN_TEAM_COLOURS.length]])), [rows]);
  const total = progress.totals;
  return (
    <div className="board-body">
      <section className="panel board-totals" data-testid="board-totals">
        <Figure name="planned" label={t('board.planned')} value={total.planned} />
        <Figure name="done" label={t('board.done')} value={total.done} note={`${percent(total.done, total.planned)}%`} />
        <Figure name="confirmed" label={t('board.confirmed')} value={total.confirmed} />
        <Figure name="pending" label={t('board.pending')} value={total.pending} warn={total.pending > 0} />
        <Figure name="far" label={t('board.far')} value={total.far} warn={total.far > 0} />
        <p className="board-activity">{progress.lastActivityAt ? t('board.lastActivity', { time: timeText(progress.lastActivityAt) }) : t('board.noActivity')}</p>
      </section>
      <section className="panel board-bars" aria-labelledby="board-districts" data-testid="board-districts">
        <h3 id="board-districts" className="panel__subtitle">
          {t('board.byDistrict')}
        </h3>
        {districtBars(progress).map((bar) => (
          <BarRow key={bar.key} label={districtName(bar.key, language)} bar={bar} />
        ))}
        <h3 className="panel__subtitle">{t('board.byShift')}</h3>
        {progress.shifts.map((s) => (
          <BarRow key={s.shiftId} label={`${s.date.slice(5)} ${s.start}–${s.end}`} bar={barOf(s.shiftId, s)} />
        ))}
        <BarLegend />
      </section>
      <section className="panel board-results" aria-labelledby="board-results" data-testid="board-results">
        <h3 id="board-results" className="panel__subtitle">
          {t('board.results')}
        </h3>
        <ul>
          {checkInResults.map((r) => (
            <li key={r} data-result={r}>
              <span>{t(`checkInResult.${r}` as MessageKey)}</span>
              <strong>{progress.results.find((x) => x.result === r)?.count ?? 0}</strong>
            </li>
          ))}
        </ul>
      </section>
      <BoardMap progress={progress} colours={colours} districts={districts} />
      <section className="panel board-teams" aria-labelledby="board-teams" data-testid="board-teams">
        <h3 id="board-teams" className="panel__subtitle">
          {t('board.teams', { count: rows.length })}
        </h3>
        <table className="table">
          <thead>
            <tr>
              <th>{t('board.team')}</th>
              <th>{t('board.shift')}</th>
              <th className="num">{t('board.planned')}</th>
              <th className="num">{t('board.done')}</th>
              <th className="num">{t('board.pending')}</th>
              <th className="num">{t('board.far')}</th>
              <th>{t('board.lastSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.teamId} data-testid="board-team" data-team={r.teamId}>
                <td>
                  <span className="board-swatch" style={{ background: css(colours.get(r.teamId) ?? [128, 128, 128, 255]) }} aria-hidden="true" />
                  {districtName(r.districtCode, language)} {r.label}
                  {r.lead ? ` · ${r.lead}` : ''}
                </td>
                <td>
                  {r.date.slice(5)} {progress.shifts.find((s) => s.shiftId === r.shiftId)?.start ?? ''}
                </td>
                <td className="num">{r.planned}</td>
                <td className="num">{r.done}</td>
                <td className="num">{r.pending}</td>
                <td className="num">{r.far}</td>
                <td>{r.lastPosition ? `${timeText(r.lastPosition.at)} · ${t(r.lastPosition.source === 'arrival' ? 'board.arrived' : 'board.checkedIn')}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function Figure({ label, value, note, warn, name }: { label: string; value: number; note?: string; warn?: boolean; name: string }) {
  return (
    <div className={`board-figure${warn ? ' board-figure--warn' : ''}`} data-figure={name} data-value={value}>
      <span className="board-figure__label">{label}</span>
      <strong className="board-figure__value">{value}</strong>
      {note && <span className="board-figure__note">{note}</span>}
    </div>
  );
}

function BarRow({ label, bar }: { label: string; bar: Bar }) {
  const { t } = useI18n();
  const c = bar.counts;
  return (
    <div className="board-bar" data-testid="board-bar" data-key={bar.key} title={t('board.barTitle', { done: c.done, planned: c.planned, pending: c.pending })}>
      <span className="board-bar__label">{label}</span>
      <span className="board-bar__track" role="img" aria-label={t('board.barTitle', { done: c.done, planned: c.planned, pending: c.pending })}>
        <span className="board-bar__fill" style={{ width: `${bar.confirmedShare * 100}%`, background: css(BOARD_COLOURS.confirmed) }} />
        <span className="board-bar__fill" style={{ width: `${bar.pendingShare * 100}%`, background: css(BOARD_COLOURS.pending) }} />
      </span>
      <span className="board-bar__count">
        {c.done}/{c.planned}
      </span>
    </div>
  );
}

function BarLegend() {
  const { t } = useI18n();
  return (
    <p className="board-legend">
      <span className="board-swatch" style={{ background: css(BOARD_COLOURS.confirmed) }} aria-hidden="true" /> {t('board.confirmed')}
      <span className="board-swatch" style={{ background: css(BOARD_COLOURS.pending) }} aria-hidden="true" /> {t('board.pending')}
      <span className="board-swatch board-swatch--ring" style={{ borderColor: css(BOARD_COLOURS.far) }} aria-hidden="true" /> {t('board.far')}
      <span className="board-swatch board-swatch--ring" style={{ borderColor: css(BOARD_COLOURS.todo) }} aria-hidden="true" /> {t('board.todo')}
    </p>
  );
}

function BoardMap({ progress, colours, districts }: { progress: CampaignProgress; colours: ReadonlyMap<string, Rgba>; districts: readonly DistrictFeature[] }) {
  const { t } = useI18n();
  const markers = useMemo(() => boardMarkers(progress, colours), [progress, colours]);
  const layers = useMemo(() => buildBoardLayers(progress, markers), [progress, markers]);
  // Framed when the stops' extent changes, not on every live refresh (the viewer may have zoomed in): the request
  // follows the bounds' text, which a refresh with the same stops leaves as it was.
  const boundsText = JSON.stringify(boardBounds(progress));
  const viewRequest = useMemo<ViewRequest | null>(() => {
    const bounds = JSON.parse(boundsText) as ReturnType<typeof boardBounds>;
    return bounds ? { kind: 'bounds', bounds, seq: nextViewRequestSeq(), instant: true } : null;
  }, [boundsText]);
  return (
    <section className="panel board-map-block" aria-label={t('board.map')} data-testid="board-map">
      <div className="board-map">
        <OverlayMap
          viewRequest={viewRequest}
          layers={layers}
          districts={districts}
          selectedDistrict={null}
          label={t('board.map')}
        />
      </div>
    </section>
  );
}
