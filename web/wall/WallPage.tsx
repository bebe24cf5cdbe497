import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LiveEvent } from '../../server/contract/events.js';
import { defaultPlaylist, type PairedDisplay } from '../../server/contract/wall-displays.js';
import { systemClock } from '../../server/domain/clock.js';
import { shanghaiDate, shanghaiParts } from '../../server/domain/time.js';
import { useDistricts } from '../api/index.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { districtNameIn } from '../i18n/names.js';
import { emergingLayer } from '../layers/emerging-layer.js';
import { featureBounds, type Bounds } from '../layers/bounds.js';
import { darkTheme } from '../layers/theme.js';
import { wallLayers } from '../layers/wall-layers.js';
import { nextViewRequestSeq, type ViewRequest } from '../map/MapView.js';
import { OverlayMap } from '../map/OverlayMap.js';
import { burnInOffset, isNight, isStale, mapPixelRatio, refreshMsOf, tourPosition, tourSteps, wallScale, type TourStep } from '../state/wall.js';
import { useWallStream } from '../api/wall-stream.js';
import { TREND_REFRESH_MS, useNow, useViewport, useWallOverview, useWallTrend } from './use-wall.js';
import { CampaignBoard, DistrictFigures, KpiStrip, Panel, RankingBoard, Ticker, TrendFigures } from './WallPanels.js';
import './wall.css';

// 指挥中心大屏 (/wall): one layout designed at 1920×1080 and scaled as a whole (--u, web/state/wall.ts), a tour of
// scenes that carries on across reloads, panels that keep their last good data and say how old it is. The page
// reads its data here and hands them down; the panels below do not fetch.

const ANCHOR_KEY = 'jointops.wall.tourAnchor';
const TICKER_LENGTH = 30;
const TRAIL_LOOP_SECONDS = 3600;

function tourAnchor(): number {
  const kept = Number(localStorage.getItem(ANCHOR_KEY));
  if (Number.isFinite(kept) && kept > 0) return kept;
  const now = systemClock().getTime();
  localStorage.setItem(ANCHOR_KEY, String(now));
  return now;
}

const clockOf = (ms: number) => {
  const s = shanghaiParts(new Date(ms)).secondOfDay;
  const two = (n: number) => String(n).padStart(2, '0');
  return { hm: `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}`, seconds: two(s % 60) };
};

const sceneTitle: Record<TourStep['scene'], MessageKey> = {
  overview: 'wall.scene.overview',
  districts: 'wall.scene.districts',
  trend: 'wall.scene.trend',
  board: 'wall.scene.board',
  ranking: 'wall.scene.ranking',
};

export interface WallPageProps {
  display: PairedDisplay | null;
  /** The session ended: pair again (a display) or sign in. */
  onUnauthenticated: () => void;
}

export function WallPage({ display, onUnauthenticated }: WallPageProps) {
  const { t, language } = useI18n();
  const now = useNow(1_000);
  const today = shanghaiDate(new Date(now));
  const viewport = useViewport();
  const scale = wallScale(viewport.width, viewport.height);
  const playlist = display?.playlist ?? defaultPlaylist;

  const [refreshMs] = useState(() => refreshMsOf(window.location.search));
  const overview = useWallOverview(true, today, refreshMs, onUnauthenticated);
  const [ticker, setTicker] = useState<LiveEvent[]>([]);
  const onEvent = useCallback(
    (event: LiveEvent) => {
      setTicker((list) => (list.some((e) => e.id === event.id) ? list : [event, ...list].slice(0, TICKER_LENGTH)));
      overview.soon();
    },
    [overview],
  );
  const stream = useWallStream(true, onEvent, overview.okAt);
  // Back after a drop: what happened meanwhile is replayed by the stream, the figures are read afresh.
  const wasLive = useRef(false);
  useEffect(() => {
    if (stream.status === 'live' && !wasLive.current && overview.okAt !== null) overview.reload();
    wasLive.current = stream.status === 'live';
  }, [stream.status, overview]);

  const data = overview.data;
  const events = useMemo(() => {
    const seen = new Set(ticker.map((e) => e.id));
    return [...ticker, ...(data?.recentEvents ?? []).filter((e) => !seen.has(e.id))].sort((a, b) => b.id - a.id);
  }, [ticker, data]);

  const districtsResource = useDistricts();
  const districtFeatures = useMemo(() => districtsResource.data?.features ?? [], [districtsResource.data]);
  const scopeCodes = useMemo(() => (data ? data.districts.map((d) => d.districtCode) : []), [data]);
  // No tour before the first answer: its district steps are not known yet, and a tour without them would show
  // another scene than the one the anchor says.
  const steps = useMemo(() => (data ? tourSteps(playlist, scopeCodes) : []), [data, playlist, scopeCodes]);
  const [anchor] = useState(tourAnchor);
  const position = tourPosition(steps, anchor, now);
  const step = position?.step ?? { scene: 'overview' as const, districtCode: null, dwellMs: 30_000 };
  const focusDistrict = step.scene === 'districts' ? step.districtCode : (data?.districtCode ?? null);

  const trend = useWallTrend(steps.some((s) => s.scene === 'trend'), today, data?.districtCode ?? null);

  // The map frames the scene: the district of the districts scene, else the scope.
  const frameKey = `${step.scene}|${focusDistrict ?? '*'}|${districtFeatures.length}`;
  const viewRequest = useMemo<ViewRequest | null>(() => {
    const features = focusDistrict ? districtFeatures.filter((f) => f.properties.code === focusDistrict) : districtFeatures;
    if (features.length === 0) return null;
    const bounds = features.map(featureBounds).reduce<Bounds>((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])], [180, 90, -180, -90]);
    return { kind: 'bounds', bounds, seq: nextViewRequestSeq() };
    // frameKey says when the framing changes; the features and district are in it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [frameKey]);

  // The last hour replayed once per overview dwell.
  const trailTime = step.scene === 'overview' && position ? (position.elapsedMs / step.dwellMs) * TRAIL_LOOP_SECONDS : null;
  const layers = useMemo(() => {
    if (!data) return [];
    const base = wallLayers({ overview: data, scale, trailTime, districtCode: step.scene === 'districts' ? focusDistrict : null });
    if (step.scene === 'trend' && trend.data) {
      const categories = new Map(trend.data.emerging.cells.map((c) => [c.id, c.category]));
      return [emergingLayer({ cells: trend.data.cells, categoryOf: (id) => categories.get(id), version: trend.data.emerging.to, theme: darkTheme }), ...base];
    }
    return base;
  }, [data, scale, trailTime, step.scene, focusDistrict, trend.data]);

  const mapBox = useRef<HTMLDivElement>(null);
  const [mapSize, setMapSize] = useState({ width: 1, height: 1 });
  useEffect(() => {
    const el = mapBox.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setMapSize({ width: el.clientWidth, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const pixelRatio = mapPixelRatio({ devicePixelRatio: window.devicePixelRatio, ...mapSize });

  const clock = clockOf(now);
  const minute = Math.floor(now / 60_000);
  const shift = burnInOffset(minute);
  const night = isNight(clock.hm, playlist.nightHours);
  const stale = isStale(overview.okAt, now, refreshMs);
  const dayType = data ? t(`dayType.${data.day.type}` as MessageKey) : '';
  const weekday = new Date(now).toLocaleDateString(language, { timeZone: 'Asia/Shanghai', weekday: 'long' });
  const scopeName = data?.districtCode ? districtNameIn(data.districtCode, language) : t('wall.cityWide');

  return (
    <div
      className={`wall${night ? ' wall--night' : ''}`}
      data-testid="wall"
      data-scene={step.scene}
      data-district={step.districtCode ?? ''}
      // No step before the first answer: the tour is not known yet.
      data-step={position?.index ?? ''}
      data-stream={stream.status}
      data-stale={stale}
      data-night={night}
      data-pixel-ratio={pixelRatio}
      style={{ '--u': String(scale), '--shift-x': `${shift.x}px`, '--shift-y': `${shift.y}px` } as React.CSSProperties}
    >
      <header className="wall-head" data-testid="wall-head">
        <div className="wall-head__title">
          <h1 data-testid="wall-title">{t('wall.title')}</h1>
          <span className="wall-head__scope">
            {display?.name ?? scopeName} · <span className="wall-synthetic">{t('app.synthetic')}</span>
          </span>
        </div>
        <div className="wall-head__scene" data-testid="wall-scene-title">
          <span>{t(sceneTitle[step.scene])}</span>
          {step.scene === 'districts' && step.districtCode && <b>{districtNameIn(step.districtCode, language)}</b>}
          {position && steps.length > 1 && (
            <span className="wall-head__dots" aria-hidden="true">
              {steps.map((s, i) => (
                <i key={`${s.scene}${s.districtCode ?? ''}${i}`} className={i === position.index ? 'on' : ''} />
              ))}
            </span>
          )}
        </div>
        <div className="wall-head__clock">
          <time data-testid="wall-clock">
            {clock.hm}
            <small>:{clock.seconds}</small>
          </time>
          <span data-testid="wall-date">
            {today} {weekday} · <b data-testid="wall-day-type">{dayType}</b>
          </span>
          <span className={`wall-live wall-live--${stream.status}`} data-testid="wall-live">
            {t(`wall.stream.${stream.status}` as MessageKey)}
          </span>
        </div>
      </header>

      {data ? <KpiStrip overview={data} districtCode={step.scene === 'districts' ? focusDistrict : null} /> : <div className="wall-kpis wall-kpis--waiting">{t('wall.connecting')}</div>}

      <main className="wall-main">
        <div className="wall-col">
          <Panel title={t('wall.ranking')} okAt={overview.okAt} stale={stale} now={now} testId="wall-ranking-panel" highlight={step.scene === 'ranking'}>
            {data && <RankingBoard overview={data} />}
          </Panel>
          <Panel title={t('wall.board')} okAt={overview.okAt} stale={stale} now={now} testId="wall-board-panel" highlight={step.scene === 'board'}>
            {data && <CampaignBoard overview={data} expanded={step.scene === 'board'} />}
          </Panel>
        </div>
        <div className="wall-map" ref={mapBox} data-testid="wall-map">
          <OverlayMap viewRequest={viewRequest} layers={layers} districts={districtFeatures} selectedDistrict={focusDistrict} label={t('wall.map')} pixelRatio={pixelRatio} />
          {position && <div className="wall-map__progress" style={{ width: `${(position.elapsedMs / step.dwellMs) * 100}%` }} />}
        </div>
        <div className="wall-col">
          <Panel title={t('wall.ticker')} okAt={stream.lastEventAt ?? overview.okAt} stale={stale || stream.status !== 'live'} now={now} testId="wall-ticker-panel">
            <Ticker events={events} />
          </Panel>
          <Panel
            title={t(sceneTitle[step.scene])}
            okAt={step.scene === 'trend' ? trend.okAt : overview.okAt}
            stale={step.scene === 'trend' ? isStale(trend.okAt, now, TREND_REFRESH_MS) : stale}
            now={now}
            testId="wall-scene-panel"
            highlight
          >
            {step.scene === 'districts' && data && step.districtCode && <DistrictFigures overview={data} districtCode={step.districtCode} />}
            {step.scene === 'trend' && <TrendFigures emerging={trend.data?.emerging ?? null} />}
            {step.scene === 'overview' && data && <OverviewFigures overview={data} />}
            {(step.scene === 'board' || step.scene === 'ranking') && data && <RankingNote />}
          </Panel>
        </div>
      </main>
    </div>
  );
}

function OverviewFigures({ overview }: { overview: NonNullable<ReturnType<typeof useWallOverview>['data']> }) {
  const { t, language } = useI18n();
  return (
    <ul className="wall-overview" data-testid="wall-overview">
      {overview.districts.map((d) => (
        <li key={d.districtCode}>
          <span>{districtNameIn(d.districtCode, language) ?? d.name}</span>
          <span>
            {d.done}/{d.planned}
          </span>
          <span className={d.cluesOverdue > 0 ? 'wall-warn' : ''}>{t('wall.overdueShort', { n: d.cluesOverdue })}</span>
        </li>
      ))}
    </ul>
  );
}

function RankingNote() {
  const { t } = useI18n();
  return <p className="wall-note">{t('wall.rankingFormula')}</p>;
}
