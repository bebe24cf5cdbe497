import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useEffectEvent, useRef } from 'react';
import type { PublicDistrictCollection } from '../../server/contract/public-reports.js';
import { buildBasemapStyle, DISTRICT_SOURCE } from '../layers/basemap-style.js';
import { css, darkTheme } from '../layers/theme.js';

maplibregl.setWorkerUrl(maplibreWorkerUrl);

/** People's Square: the city's centre, where the map opens before a place is known. */
const CITY_CENTRE: [number, number] = [121.4737, 31.2304];
const CITY_ZOOM = 8.6;
/** Close in on a known place, with the district borders around it still in view (the offline style has no streets). */
const PLACE_ZOOM = 12;

export interface PickMapProps {
  districts: PublicDistrictCollection | null;
  /** The marked place, [lon, lat] WGS84; null before one is known. */
  value: [number, number] | null;
  /** A new place from outside the map (a photo's GPS): the map flies there. */
  focusSeq: number;
  onPick: (lngLat: [number, number]) => void;
  label: string;
}

/**
 * The report page's small map: the city's district borders on the offline style (no tiles, no network), a tap marks
 * the place. Positions are WGS84 like everything the product stores.
 */
export function PickMap({ districts, value, focusSeq, onPick, label }: PickMapProps) {
  const container = useRef<HTMLDivElement | null>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const markerRef = useRef<maplibregl.Marker | null>(null);
  const picked = useEffectEvent((lngLat: [number, number]) => onPick(lngLat));

  useEffect(() => {
    const map = new maplibregl.Map({
      container: container.current!,
      style: buildBasemapStyle(darkTheme, { showDistricts: true, selectedDistrict: null }),
      center: CITY_CENTRE,
      zoom: CITY_ZOOM,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.on('click', (event) => picked([Number(event.lngLat.lng.toFixed(6)), Number(event.lngLat.lat.toFixed(6))]));
    map.once('load', () => container.current?.setAttribute('data-ready', 'true'));
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
      markerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !districts) return;
    const apply = () => {
      void map.getSource<GeoJSONSource>(DISTRICT_SOURCE)?.setData(districts);
    };
    if (map.isStyleLoaded()) apply();
    else void map.once('load', apply);
  }, [districts]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!value) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    markerRef.current ??= new maplibregl.Marker({ color: css(darkTheme.districtSelected) });
    markerRef.current.setLngLat(value).addTo(map);
  }, [value]);

  useEffect(() => {
    if (focusSeq > 0 && value) mapRef.current?.flyTo({ center: value, zoom: PLACE_ZOOM, duration: 600 });
    // Only a new focus request moves the view; a tap on the map leaves it where the reporter put it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusSeq]);

  return <div ref={container} className="pick-map" role="application" aria-label={label} data-testid="report-map" />;
}
