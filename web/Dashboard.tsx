import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { Me } from '../server/contract/index.js';
import { tileCover } from '../server/domain/tile-cover.js';
import { useClueDetail, useClues, useDistricts, useGridCells, useInstitutionDetail, useInstitutions, useStreets, useSummary, useDebounced, exportFormats, layerExportable, layerExportPath, type ApiError } from './api/index.js';
import { errorText } from './i18n/errors.js';
import { I18nContext, translator, type Language } from './i18n/index.js';
import { featureBounds } from './layers/bounds.js';
import { buildDeckLayers, choroplethModel, hiddenUnderAnalysis, layerZoom } from './layers/deck-layers.js';
import { liveCanvasLayers, mapCanvasLayers } from './layers/live-layers.js';
import type { Picked, ScreenPick } from './layers/picking.js';
import { darkTheme } from './layers/theme.js';
import type { ClueFeature, DistrictFeature, GridCellFeature, InstitutionFeature } from './layers/types.js';
import { MapView, nextViewRequestSeq, type ViewRequest } from './map/MapView.js';
import { DetailPanel } from './panels/DetailPanel.js';
import { DistrictList } from './panels/DistrictList.js';
import { useHotspotAnalysis } from './panels/HotspotAnalysis.js';
import { KpiCards } from './panels/KpiCards.js';
import { LayerPanel, type LayerStatus } from './panels/LayerPanel.js';
import { Legend } from './panels/Legend.js';
import { HoverTooltip } from './panels/HoverTooltip.js';
import { TimeRangeControl } from './panels/TimeRangeControl.js';
import { TopBar } from './panels/TopBar.js';
import { dashboardReducer, initialState, type DashboardState, type LayerId, type MapView as View, type Selection } from './state/dashboard.js';
import type { PlannerHandoff } from './state/planner.js';
import { choroplethLevel, institutionMode, selectQueryBbox, snapExtent } from './state/selectors.js';
import { scopeUrlState } from './state/scope.js';
import { parseBasemapUrl, parseUrlState, serialiseUrlState, type UrlState } from './state/url.js';
import { ScopeNotice } from './panels/ScopeNotice.js';

export interface DashboardProps {
  user: Me;
  today: string;
  language: Language;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
  /** Opens the patrol route planner, with targets handed over from the hot spot analysis; absent for roles that may not plan. */
  onOpenPlanner?: (handoff?: PlannerHandoff) => void;
}

const EMPTY: readonly never[] = [];

function initialise({ today, language, restored }: { today: string; language: Language; restored: UrlState }): DashboardState {
  return dashboardReducer({ ...initialState(today), language }, { type: 'stateRestored', state: restored });
}

export function Dashboard({ user, today, language, onLanguage, onLogout, onOpenPlanner }: DashboardProps) {
  // A link outside the account's district is fitted to it before anything is fetched, and the user is told.
  const [start] = useState(() => scopeUrlState(parseUrlState(window.location.search), user.districtCode));
  const [scopeRedirect, setScopeRedirect] = useState(start.redirect);
  const [state, dispatch] = useReducer(dashboardReducer, { today, language, restored: start.state }, initialise);
  const basemapUrl = useMemo(() => parseBasemapUrl(window.location.search), []);
  const t = useMemo(() => translator(state.language), [state.language]);
  const failed = (error: ApiError | null) => (error ? errorText({ t, language: state.language }, error) : null);
  // Unless the link names a view, the map starts on the extent of the account's scope (the whole city or its
  // district), fitted into the part of the map the panels leave free at this window's size. The session carries that
  // extent, so the first view and its layers are asked for at once, without waiting for the district borders.
  const scopeExtent = user.scopeExtent;
  const [viewRequest, setViewRequest] = useState<ViewRequest | null>(() =>
    start.state.view === undefined && scopeExtent ? { kind: 'bounds', bounds: scopeExtent, seq: nextViewRequestSeq(), instant: true } : null,
  );
  const [hover, setHover] = useState<ScreenPick | null>(null);
  const [mapReady, setMapReady] = useState(false);
  // Set once the first view has drawn and the browser is idle: the hot spot analysis gets ready behind it.
  const [analysisPrepared, setAnalysisPrepared] = useState(false);

  // The shareable state follows the URL without adding history entries for every pan.
  const search = serialiseUrlState(state, { basemap: basemapUrl });
  useEffect(() => {
    if (`?${search}` !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}?${search}`);
  }, [search]);

  useEffect(() => {
    if (state.language !== language) onLanguage(state.language);
  }, [state.language, language, onLanguage]);

  const districtsRes = useDistricts();
  const dataExtent = useMemo(() => (scopeExtent ? snapExtent(scopeExtent) : null), [scopeExtent]);
  // The view framed on the scope shows all of it, so until the map reports its bounds the question is the extent
  // itself; the first question goes out at once, later ones once the view has rested.
  const framedBbox = state.bounds ? selectQueryBbox(state, dataExtent) : start.state.view === undefined ? dataExtent : null;
  const restedBbox = useDebounced(framedBbox, 300);
  const bbox = restedBbox ?? framedBbox;
  const zoom = state.view.zoom;
  const gridAtCells = choroplethLevel(zoom) === 'gridCells';
  const gridRes = useGridCells(bbox, state.timeRange, state.district, state.layers.grid && gridAtCells);
  // The tiles the view needs; the layers' resources are keyed by the cover, so a pan within its tiles asks nothing.
  const cover = bbox ? tileCover(bbox, zoom) : null;
  const institutionsRes = useInstitutions(cover, state.district, state.layers.institutions);
  // Clues feed the heatmap and, zoomed out, the district choropleth.
  const cluesWanted = state.layers.heatmap || (state.layers.grid && !gridAtCells);
  const cluesRes = useClues(cover, state.timeRange, state.district, cluesWanted);
  const summaryRes = useSummary(state.timeRange, state.district);
  const institutionDetail = useInstitutionDetail(state.selection);
  const clueDetail = useClueDetail(state.selection);
  const gridCells: readonly GridCellFeature[] = gridAtCells ? (gridRes.data?.features ?? EMPTY) : EMPTY;
  const selectedCell = selectedGridCell(state.selection, gridCells);
  const focusCell = useCallback((id: number, view: View) => {
    dispatch({ type: 'featureSelected', selection: { kind: 'gridCell', id } });
    setViewRequest({ kind: 'view', view, seq: nextViewRequestSeq() });
  }, []);
  const hotspots = useHotspotAnalysis({
    today,
    district: state.district,
    timeRange: state.timeRange,
    selection: state.selection,
    theme: darkTheme,
    onCommitRange: (range) => dispatch({ type: 'timeRangeSet', range }),
    describeError: failed,
    userDistrict: user.districtCode,
    onFocusCell: focusCell,
    onHandOver: onOpenPlanner,
    cellInDetail: selectedCell !== null,
    prepare: analysisPrepared,
  });

  const districts: readonly DistrictFeature[] = districtsRes.data?.features ?? EMPTY;
  const institutions: readonly InstitutionFeature[] = institutionsRes.data?.features ?? EMPTY;
  const clues: readonly ClueFeature[] = cluesRes.data?.features ?? EMPTY;
  // The selected cell's 街镇 is named from its district's streets, loaded only while a cell is selected.
  const streetsRes = useStreets(selectedCell?.properties.districtCode ?? null);
  const selectedStreet = streetsRes.data?.features.find((f) => f.properties.code === selectedCell?.properties.streetCode)?.properties.name ?? null;

  // Zooming within a level reuses the layers: they change form only at the levels layerZoom keeps.
  const builtZoom = layerZoom(zoom);
  const model = useMemo(() => choroplethModel({ districts, gridCells, clues }, builtZoom), [districts, gridCells, clues, builtZoom]);
  const layers = useMemo(
    () =>
      buildDeckLayers(
        {
          districts,
          gridCells,
          institutions,
          clues,
          theme: darkTheme,
          language: state.language,
          zoom: builtZoom,
          visible: state.layers,
          selectedDistrict: state.district,
          selection: state.selection,
          hasDistrictLayers: true,
          analysis: hotspots.mode,
        },
        model,
      ),
    [districts, gridCells, institutions, clues, state.language, state.layers, state.district, state.selection, model, builtZoom, hotspots.mode],
  );

  // The list ranks every district of the scope by the period's clues, whichever district is chosen and layers are on.
  const cluesByDistrict = summaryRes.data?.cluesByDistrict;
  const districtCounts = useMemo(() => (cluesByDistrict ? new Map(Object.entries(cluesByDistrict)) : null), [cluesByDistrict]);

  const hotspotLayers = hotspots.layers;
  // The analysis is drawn on the live canvas; the map canvas's list changes only when an analysis comes or goes.
  const analysisShown = hotspotLayers.length > 0;
  const mapLayers = useMemo(() => mapCanvasLayers(layers, analysisShown), [layers, analysisShown]);
  const liveLayers = useMemo(() => liveCanvasLayers(hotspotLayers, layers), [hotspotLayers, layers]);

  const selectDistrict = useCallback(
    (code: string | null) => {
      dispatch({ type: 'districtSelected', code });
      const target = code ? districts.find((d) => d.properties.code === code) : null;
      if (target) setViewRequest({ kind: 'bounds', bounds: featureBounds(target), seq: nextViewRequestSeq() });
    },
    [districts],
  );

  const onClick = useCallback(
    (pick: ScreenPick) => {
      const selection = selectionFromPick(pick, zoom);
      if (selection) dispatch({ type: 'featureSelected', selection });
    },
    [zoom],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') dispatch({ type: 'selectionCleared' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const status = (res: { loading: boolean; error: ApiError | null; retry: () => void }, count: number | null): LayerStatus => ({
    loading: res.loading,
    error: failed(res.error),
    retry: res.retry,
    count,
  });
  const layerStatus: Record<LayerId, LayerStatus> = {
    districts: status(districtsRes, districts.length),
    grid: gridAtCells ? status(gridRes, gridRes.data ? gridCells.length : null) : status(cluesRes, null),
    institutions: status(institutionsRes, institutionsRes.data ? institutions.length : null),
    heatmap: status(cluesRes, cluesRes.data ? clues.length : null),
  };
  const anyLoading = !mapReady || Object.entries(layerStatus).some(([id, s]) => state.layers[id as LayerId] && s.loading) || summaryRes.loading;
  useEffect(() => {
    if (analysisPrepared || anyLoading) return;
    // Safari has no requestIdleCallback: a short timeout stands in.
    if (!('requestIdleCallback' in window)) {
      const timer = setTimeout(() => setAnalysisPrepared(true), 1000);
      return () => clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(() => setAnalysisPrepared(true), { timeout: 2000 });
    return () => window.cancelIdleCallback(idle);
  }, [analysisPrepared, anyLoading]);
  const emptyMessage =
    state.layers.heatmap && cluesRes.data && !cluesRes.loading && clues.length === 0
      ? t('state.noClues')
      : state.layers.institutions && institutionsRes.data && !institutionsRes.loading && institutions.length === 0
        ? t('state.noInstitutions')
        : null;

  return (
    <I18nContext.Provider value={{ language: state.language, t }}>
      <div className="dashboard" data-testid="dashboard" data-loading={anyLoading ? 'true' : 'false'}>
        <MapView
          theme={darkTheme}
          basemapUrl={basemapUrl}
          initialView={state.view}
          viewRequest={viewRequest}
          layers={mapLayers}
          liveLayers={liveLayers}
          prepareLive={analysisPrepared}
          districts={districts}
          showDistricts={state.layers.districts}
          selectedDistrict={state.district}
          label={t('map.label')}
          onViewChange={(view, bounds) => dispatch({ type: 'viewChanged', view, bounds })}
          onHover={setHover}
          onClick={onClick}
          onReady={() => setMapReady(true)}
        />
        <div className={`progress ${anyLoading ? 'progress--on' : ''}`} role="progressbar" aria-hidden={!anyLoading} aria-label={t('state.loading')} />
        <TopBar user={user} onLanguage={(l) => dispatch({ type: 'languageSet', language: l })} onLogout={onLogout} onOpenPlanner={onOpenPlanner && (() => onOpenPlanner())} />
        <KpiCards summary={summaryRes.data} loading={summaryRes.loading} error={failed(summaryRes.error)} onRetry={summaryRes.retry} />
        {scopeRedirect && <ScopeNotice redirect={scopeRedirect} ownName={user.districtName} onDismiss={() => setScopeRedirect(null)} />}
        <aside className="sidebar" aria-label={t('layers.title')} data-map-overlay>
          <LayerPanel
            layers={state.layers}
            status={layerStatus}
            gridAtCells={gridAtCells}
            underAnalysis={hotspots.mode === 'none' ? [] : hiddenUnderAnalysis('shown')}
            onToggle={(layer) => dispatch({ type: 'layerToggled', layer })}
            exportFormats={exportFormats}
            exportPath={(layer, format) => {
              const filter = { bbox, range: state.timeRange, district: state.district };
              return layerExportable(layer, filter) ? layerExportPath(layer, format, filter) : null;
            }}
          />
          <TimeRangeControl
            range={state.timeRange}
            today={today}
            onRange={(range) => dispatch({ type: 'timeRangeSet', range })}
            onPreset={(days) => dispatch({ type: 'timePresetChosen', days, today })}
          />
          {hotspots.panel}
          <DistrictList
            districts={districts}
            counts={districtCounts}
            selected={state.district}
            scoped={user.districtCode !== null}
            loading={districtsRes.loading}
            error={failed(districtsRes.error)}
            onRetry={districtsRes.retry}
            onSelect={selectDistrict}
          />
        </aside>
        {hotspots.hotCells}
        {emptyMessage && (
          <div className="empty-note" role="status" data-testid="empty-note">
            {emptyMessage}
          </div>
        )}
        <Legend model={model} visible={state.layers} institutionMode={institutionMode(zoom)} />
        <HoverTooltip hover={hover} districts={districts} counts={districtCounts ?? model.countsByDistrict} />
        <DetailPanel
          selection={state.selection}
          institution={institutionDetail}
          clue={clueDetail}
          gridCell={selectedCell}
          streetName={selectedStreet}
          district={selectedDistrict(state.selection, districts)}
          districtClues={state.selection?.kind === 'district' ? ((districtCounts ?? model.countsByDistrict).get(state.selection.code) ?? 0) : 0}
          onZoomTo={(longitude, latitude, z) => setViewRequest({ kind: 'view', view: { longitude, latitude, zoom: z }, seq: nextViewRequestSeq() })}
          onClose={() => dispatch({ type: 'selectionCleared' })}
        >
          {hotspots.detail}
        </DetailPanel>
      </div>
    </I18nContext.Provider>
  );
}

function selectedGridCell(selection: Selection | null, cells: readonly GridCellFeature[]): GridCellFeature | null {
  if (selection?.kind !== 'gridCell') return null;
  return cells.find((c) => c.properties.id === selection.id) ?? null;
}

function selectedDistrict(selection: Selection | null, districts: readonly DistrictFeature[]): DistrictFeature | null {
  if (selection?.kind !== 'district') return null;
  return districts.find((d) => d.properties.code === selection.code) ?? null;
}

function selectionFromPick(pick: Picked, zoom: number): Selection | null {
  switch (pick.layerId) {
    case 'institution-points':
      return { kind: 'institution', id: pick.object.properties.id };
    case 'clue-points':
      return { kind: 'clue', id: pick.object.properties.id };
    case 'grid-choropleth':
    case 'hotspot-cells':
    case 'emerging-cells':
      return { kind: 'gridCell', id: pick.object.properties.id };
    case 'district-choropleth':
      return { kind: 'district', code: pick.object.properties.code };
    case 'institution-clusters': {
      const { id: _id, ...cluster } = pick.object;
      return { kind: 'cluster', zoom, ...cluster };
    }
    case 'route-candidates':
    case 'plan-targets':
    case 'plan-routes':
    case 'plan-stops':
    case 'desk-clues':
      return null;
  }
}
