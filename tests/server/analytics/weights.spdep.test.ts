import { describe, expect, it } from 'vitest';
import { validateFeatureInput } from '../../../server/analytics/featureInput.js';
import { centroidsOf } from '../../../server/analytics/weights/centroid.js';
import { neighboursOf } from '../../../server/analytics/weights/csr.js';
import { buildWeights, parseWeightsSpec } from '../../../server/analytics/weightsSpec.js';
import { SPDEP_CASES, readSpdepCase } from './fixtureFiles.js';

describe('weights equal spdep neighbour lists', () => {
  it.each(SPDEP_CASES)('%s', (name) => {
    const c = readSpdepCase(name);
    const { geometries } = validateFeatureInput(c.geojson, c.value_property);
    const w = buildWeights(geometries, parseWeightsSpec(c.weights), { planar: c.planar });
    expect(w.n).toBe(c.spdep_neighbours.length);
    for (let i = 0; i < w.n; i++) expect(Array.from(neighboursOf(w, i)), `unit ${i}`).toEqual(c.spdep_neighbours[i]);
    expect(w.islands).toEqual(c.spdep_neighbours.flatMap((nb, i) => (nb.length === 0 ? [i] : [])));
  });

  it('polygon centroids equal sf::st_centroid (GEOS) on columbus', () => {
    const c = readSpdepCase('columbus_distance');
    const xy = centroidsOf(validateFeatureInput(c.geojson, 'value').geometries);
    c.centroids!.forEach(([x, y], i) => {
      expect(xy[2 * i]).toBeCloseTo(x, 11);
      expect(xy[2 * i + 1]).toBeCloseTo(y, 11);
    });
  });
});
