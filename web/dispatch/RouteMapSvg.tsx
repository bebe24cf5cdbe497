import { layoutRouteMap, scaleBarText } from '../../server/planning/dispatch/route-map.js';
import type { DispatchSheet } from '../../server/planning/dispatch/schema.js';
import { useI18n } from '../i18n/index.js';

// The route map of a dispatch sheet as inline SVG: the layout the PDF draws, so paper from the server and paper from
// the browser show the same map. Units are CSS pixels of a 680 × 330 box, scaled to the sheet's width.

const WIDTH = 680;
const HEIGHT = 330;

export function RouteMapSvg({ sheet }: { sheet: DispatchSheet }) {
  const { t } = useI18n();
  const map = layoutRouteMap(sheet.route, sheet.stops, { width: WIDTH, height: HEIGHT, padding: 28 });
  const points = map.path.points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  const { x: nx, y: ny, size } = map.north;
  const half = size / 2;
  const scale = scaleBarText(map.scaleBar.metres);
  const bar = map.scaleBar;
  return (
    <svg
      className="dispatch-map"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${t('dispatch.map')}：${sheet.stops.map((s, i) => `${i + 1} ${s.name}`).join('，')}`}
      data-testid="dispatch-map"
    >
      <rect className="dispatch-map__frame" x="0.5" y="0.5" width={WIDTH - 1} height={HEIGHT - 1} />
      {map.path.points.length > 1 && <polyline className={`dispatch-map__route${map.path.dashed ? ' dispatch-map__route--straight' : ''}`} points={points} />}
      {map.base && (
        <g className="dispatch-map__base">
          <rect x={map.base.x - 6} y={map.base.y - 6} width="12" height="12" />
          <text x={map.base.x + 10} y={map.base.y + 4}>
            {map.base.name}
          </text>
        </g>
      )}
      {map.stops.map((stop) => (
        <g key={stop.number} className="dispatch-map__stop" data-testid="dispatch-map-stop">
          <circle cx={stop.x} cy={stop.y} r="10" />
          <text x={stop.x} y={stop.y + 4}>
            {stop.number}
          </text>
        </g>
      ))}
      <g className="dispatch-map__scale">
        <path d={`M${bar.x} ${bar.y - 4} V${bar.y} H${bar.x + bar.length} V${bar.y - 4} M${bar.x + bar.length / 2} ${bar.y} v-3`} />
        <text x={bar.x + bar.length + 6} y={bar.y + 3}>
          {t(scale.unit, { n: scale.n })}
        </text>
      </g>
      <g className="dispatch-map__north">
        <path className="dispatch-map__north-left" d={`M${nx} ${ny - half} L${nx - size / 4} ${ny + half * 0.6} L${nx} ${ny + half * 0.25} Z`} />
        <path className="dispatch-map__north-right" d={`M${nx} ${ny - half} L${nx + size / 4} ${ny + half * 0.6} L${nx} ${ny + half * 0.25} Z`} />
        <text x={nx} y={ny + half * 0.6 + 12}>
          {t('dispatch.north')}
        </text>
      </g>
    </svg>
  );
}
