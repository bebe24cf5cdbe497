import type { Layer } from '@deck.gl/core';
import { useI18n } from '../i18n/index.js';
import { darkTheme } from '../layers/theme.js';
import type { DistrictFeature } from '../layers/types.js';
import type { ScreenPick } from '../layers/picking.js';
import { MapView, type ViewRequest } from '../map/MapView.js';
import { DEFAULT_VIEW } from '../state/dashboard.js';
import { SLA_URGENCIES } from '../state/desk.js';

export interface DeskMapProps {
  layers: Layer[];
  districts: readonly DistrictFeature[];
  selectedDistrict: string | null;
  viewRequest: ViewRequest | null;
  mapped: number;
  total: number;
  picking: boolean;
  onSelect: (id: number) => void;
  onPick: (lngLat: [number, number]) => void;
  onCancelPick: () => void;
}

const ignore = () => {};

export function DeskMap(props: DeskMapProps) {
  const { t } = useI18n();
  const onClick = (pick: ScreenPick) => {
    if (props.picking) return;
    if (pick.layerId === 'desk-clues') props.onSelect(pick.object.id);
  };
  return (
    <section className={`desk-map panel${props.picking ? ' desk-map--picking' : ''}`} data-testid="desk-map" aria-label={t('desk.map.label')}>
      <MapView
        theme={darkTheme}
        basemapUrl={null}
        initialView={DEFAULT_VIEW}
        viewRequest={props.viewRequest}
        layers={props.layers}
        districts={props.districts}
        showDistricts
        selectedDistrict={props.selectedDistrict}
        label={t('desk.map.label')}
        onViewChange={ignore}
        onHover={ignore}
        onClick={onClick}
        onMapClick={props.picking ? props.onPick : undefined}
      />
      <div className="desk-map__legend" aria-hidden="true">
        {SLA_URGENCIES.filter((u) => u !== 'none').map((u) => (
          <span key={u} className="desk-map__key">
            <span className={`desk-dot desk-dot--${u}`} />
            {t(u === 'overdue' ? 'desk.due.overdue' : u === 'soon' ? 'desk.escalation.reminder' : u === 'paused' ? 'desk.sla.paused' : 'desk.escalation.none')}
          </span>
        ))}
        <span className="hint" data-testid="desk-map-count">{t('desk.map.unplaced', { n: props.mapped, total: props.total })}</span>
      </div>
      {props.picking && (
        <div className="desk-map__pick" role="status" data-testid="desk-map-picking">
          {t('desk.map.pick')}
          <button type="button" className="button button--small" onClick={props.onCancelPick}>{t('desk.map.pickCancel')}</button>
        </div>
      )}
    </section>
  );
}
