/**
 * Synthetic dense residential areas (居住密集区): the places around which institutions and ordinary clues
 * cluster. Central districts get more, tighter clusters; suburban districts cluster around their towns'
 * centres and the district seat.
 */
import type { Random } from '../../../server/domain/random.js';
import { distanceMetres } from './grid.js';
import type { Geography, GeoDistrict } from './geography.js';

export interface ResidentialCentre {
  districtCode: string;
  lon: number;
  lat: number;
  /** Relative size of the population around it. */
  weight: number;
  sigmaMetres: number;
}

/** Residents per centre: one centre per ~40,000 residents in central districts, ~60,000 elsewhere. */
const RESIDENTS_PER_CENTRE = { central: 40_000, outer: 60_000 };

export function residentialCentres(
  random: Random,
  geography: Geography,
  streetCentres: ReadonlyMap<string, [number, number][]>,
): ResidentialCentre[] {
  const centres: ResidentialCentre[] = [];
  for (const district of geography.districts) {
    const count = Math.max(4, Math.round(district.population / RESIDENTS_PER_CENTRE[district.central ? 'central' : 'outer']));
    const towns = streetCentres.get(district.code) ?? [];
    for (let n = 0; n < count; n++) {
      // Half near the district seat, half near one of its street/town centres.
      const anchor = towns.length > 0 && random.chance(0.5) ? random.pick(towns) : district.office;
      const reachMetres = district.central ? 2500 : random.chance(0.5) ? 1500 : 5000;
      const cell = pickCellNear(random, district, anchor, reachMetres);
      const point = geography.placeInCell(random, cell);
      centres.push({
        districtCode: district.code,
        lon: point.lon,
        lat: point.lat,
        weight: Math.exp(0.6 * random.normal()),
        sigmaMetres: district.central ? random.between(250, 500) : random.between(300, 800),
      });
    }
  }
  return centres;
}

function pickCellNear(random: Random, district: GeoDistrict, anchor: readonly [number, number], reachMetres: number) {
  const weights = district.cells.map((cell) => cell.areaM2 * Math.exp(-distanceMetres([cell.lon, cell.lat], anchor) / reachMetres));
  return district.cells[random.weightedIndex(weights)];
}
