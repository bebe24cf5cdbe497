import type { PickingInfo } from '@deck.gl/core';
import type { CampaignPlanTarget } from '../../server/contract/campaign-plans.js';
import { PLAN_ROUTES_LAYER_ID, PLAN_STOPS_LAYER_ID, PLAN_TARGETS_LAYER_ID, type PlanRoute, type PlanStop } from './campaign-plan-layers.js';
import { CLUE_POINTS_LAYER_ID } from './clue-layers.js';
import type { Cluster } from './clusters.js';
import { DESK_CLUES_LAYER_ID, type DeskPoint } from './desk-layers.js';
import { DISTRICT_CHOROPLETH_LAYER_ID } from './district-layers.js';
import { EMERGING_LAYER_ID } from './emerging-layer.js';
import { GRID_CHOROPLETH_LAYER_ID } from './grid-layer.js';
import { HOTSPOT_LAYER_ID, type HotspotCellFeature } from './hotspot-layer.js';
import { INSTITUTION_CLUSTERS_LAYER_ID, INSTITUTION_POINTS_LAYER_ID } from './institution-layers.js';
import { INSTITUTION_TILES_LAYER_ID, type InstitutionTileFeature } from './institution-tile-layer.js';
import { ROUTE_CANDIDATES_LAYER_ID, type Candidate } from './route-layers.js';
import type { ClueFeature, DistrictFeature, GridCellFeature, InstitutionFeature } from './types.js';

/** What each pickable layer hands back when clicked or hovered: the datum it was given. */
interface PickedObjects {
  [INSTITUTION_POINTS_LAYER_ID]: InstitutionFeature;
  [INSTITUTION_CLUSTERS_LAYER_ID]: Cluster;
  [INSTITUTION_TILES_LAYER_ID]: InstitutionTileFeature;
  [CLUE_POINTS_LAYER_ID]: ClueFeature;
  [GRID_CHOROPLETH_LAYER_ID]: GridCellFeature;
  [DISTRICT_CHOROPLETH_LAYER_ID]: DistrictFeature;
  [HOTSPOT_LAYER_ID]: HotspotCellFeature;
  [EMERGING_LAYER_ID]: HotspotCellFeature;
  [ROUTE_CANDIDATES_LAYER_ID]: Candidate;
  [PLAN_TARGETS_LAYER_ID]: CampaignPlanTarget;
  [PLAN_ROUTES_LAYER_ID]: PlanRoute;
  [PLAN_STOPS_LAYER_ID]: PlanStop;
  [DESK_CLUES_LAYER_ID]: DeskPoint;
}

export type PickableLayerId = keyof PickedObjects;

/** A picked object with the id of the layer that drew it; a `switch` on `layerId` gives the object its type. */
export type Picked = { [Id in PickableLayerId]: { layerId: Id; object: PickedObjects[Id] } }[PickableLayerId];

/** A pick and where on the screen it happened. */
export type ScreenPick = Picked & { x: number; y: number };

const PICKABLE: Record<PickableLayerId, true> = {
  [INSTITUTION_POINTS_LAYER_ID]: true,
  [INSTITUTION_CLUSTERS_LAYER_ID]: true,
  [INSTITUTION_TILES_LAYER_ID]: true,
  [CLUE_POINTS_LAYER_ID]: true,
  [GRID_CHOROPLETH_LAYER_ID]: true,
  [DISTRICT_CHOROPLETH_LAYER_ID]: true,
  [HOTSPOT_LAYER_ID]: true,
  [EMERGING_LAYER_ID]: true,
  [ROUTE_CANDIDATES_LAYER_ID]: true,
  [PLAN_TARGETS_LAYER_ID]: true,
  [PLAN_ROUTES_LAYER_ID]: true,
  [PLAN_STOPS_LAYER_ID]: true,
  [DESK_CLUES_LAYER_ID]: true,
};

const isPickable = (layerId: string): layerId is PickableLayerId => Object.hasOwn(PICKABLE, layerId);

/**
 * deck.gl's pick typed by the layer that drew it. deck.gl types `PickingInfo.object` as `any`, since one Deck holds
 * layers of many data types and only the layer id tells them apart; each id above is drawn by one factory, from data
 * of the type listed. Picks of layers not listed (labels, counts, routes) are none.
 */
export function screenPick(info: PickingInfo): ScreenPick | null {
  const layerId = info.layer?.id;
  const object: unknown = info.object;
  if (!object || layerId === undefined || !isPickable(layerId)) return null;
  return { layerId, object, x: info.x, y: info.y } as ScreenPick;
}
