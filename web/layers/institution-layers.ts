import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { clusterPoints, clusterRadiusPixels, type Cluster } from './clusters.js';
import { mix, type Rgba, type Theme } from './theme.js';
import type { InstitutionFeature } from './types.js';

export function institutionColour(status: string, theme: Theme): Rgba {
  return theme.status[status as keyof Theme['status']] ?? [160, 160, 160, 255];
}

/** Cluster colour runs from the licensed colour to the unlicensed one with the share of problem institutions. */
export function clusterColour(cluster: Cluster, theme: Theme): Rgba {
  return mix(theme.status.licensed, theme.status.unlicensed, Math.min(1, cluster.problemShare * 2));
}

export function institutionClusters(institutions: readonly InstitutionFeature[], zoom: number): Cluster[] {
  return clusterPoints(
    institutions.map((f) => ({
      longitude: f.geometry.coordinates[0],
      latitude: f.geometry.coordinates[1],
      status: f.properties.status,
      listStatus: f.properties.listStatus,
    })),
    zoom,
  );
}

export const INSTITUTION_POINTS_LAYER_ID = 'institution-points';
export const INSTITUTION_CLUSTERS_LAYER_ID = 'institution-clusters';

export function institutionPointLayer(institutions: readonly InstitutionFeature[], theme: Theme, selectedId: number | null): ScatterplotLayer<InstitutionFeature> {
  return new ScatterplotLayer<InstitutionFeature>({
    id: INSTITUTION_POINTS_LAYER_ID,
    data: institutions,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 160],
    radiusUnits: 'pixels',
    getRadius: (f) => (f.properties.id === selectedId ? 9 : 5.5),
    getPosition: (f) => f.geometry.coordinates as [number, number],
    getFillColor: (f) => institutionColour(f.properties.status, theme),
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineColor: (f) => (f.properties.listStatus === 'black' ? theme.blackListRing : theme.pointOutline),
    getLineWidth: (f) => (f.properties.listStatus === 'black' ? 2.2 : 1),
    updateTriggers: { getRadius: selectedId },
  });
}

export function institutionClusterLayers(clusters: readonly Cluster[], theme: Theme): Layer[] {
  const circles = new ScatterplotLayer<Cluster>({
    id: INSTITUTION_CLUSTERS_LAYER_ID,
    data: clusters,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 120],
    radiusUnits: 'pixels',
    getRadius: (c) => clusterRadiusPixels(c.count),
    getPosition: (c) => [c.longitude, c.latitude],
    getFillColor: (c) => {
      const [r, g, b] = clusterColour(c, theme);
      return [r, g, b, 200];
    },
    stroked: true,
    lineWidthUnits: 'pixels',
    // No black-list ring on clusters: nearly every cluster holds one, so the ring would say nothing; the tooltip counts them.
    getLineWidth: 1.5,
    getLineColor: theme.pointOutline,
  });
  const counts = new TextLayer<Cluster>({
    id: 'institution-cluster-counts',
    data: clusters.filter((c) => c.count > 1),
    characterSet: '0123456789',
    fontFamily: theme.fontFamily,
    fontWeight: 700,
    getText: (c) => String(c.count),
    getPosition: (c) => [c.longitude, c.latitude],
    getSize: 12,
    getColor: theme.background,
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    parameters: { depthCompare: 'always' },
  });
  return [circles, counts];
}
