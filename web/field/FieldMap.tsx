import { useMemo } from 'react';
import type { FieldAssignment } from '../../server/contract/field.js';
import { useDistricts } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { fieldBounds, fieldLayers } from '../layers/field-layers.js';
import { darkTheme } from '../layers/theme.js';
import { nextViewRequestSeq, type ViewRequest } from '../map/MapView.js';
import { OverlayMap } from '../map/OverlayMap.js';
import type { StopView } from '../state/field.js';
import type { PositionState } from './use-position.js';

export interface FieldMapProps {
  assignment: FieldAssignment;
  views: readonly StopView[];
  position: PositionState;
  online: boolean;
}

/** The small map: the route, the numbered stops coloured by status, my position; what it cannot show, it says. */
export function FieldMap({ assignment, views, position, online }: FieldMapProps) {
  const { t } = useI18n();
  const districts = useDistricts();
  const layers = useMemo(() => fieldLayers(assignment, views, position.position, darkTheme), [assignment, views, position.position]);
  // Framed when the team-shift changes, not at every position fix (the officer may have panned).
  const viewRequest = useMemo<ViewRequest>(() => ({ kind: 'bounds', bounds: fieldBounds(assignment), seq: nextViewRequestSeq(), instant: true }), [assignment]);
  const features = districts.data?.features ?? [];
  return (
    <section className="phone-map" aria-label={t('field.map')} data-testid="field-map">
      <OverlayMap
        viewRequest={viewRequest}
        layers={layers}
        districts={features}
        selectedDistrict={assignment.districtCode}
        label={t('field.map')}
      />
      {position.status !== 'ok' && (
        <p className="phone-map__note" role="status" data-testid="position-notice">
          {t(`field.position.${position.status}`)}
        </p>
      )}
      {(!online || (districts.error && features.length === 0)) && (
        <p className="phone-map__note phone-map__note--bottom" data-testid="map-offline">
          {t('field.mapOffline')}
        </p>
      )}
    </section>
  );
}
