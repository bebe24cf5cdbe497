import { describe, expect, it } from 'vitest';
import { validateFeatureInput } from '../../../server/analytics/featureInput.js';
import { createGiStarComputer, localGiStar } from '../../../server/analytics/gistar.js';
import { buildWeights, parseWeightsSpec } from '../../../server/analytics/weightsSpec.js';
import { SPDEP_CASES, readSpdepCase } from './fixtureFiles.js';

function weightsFor(name: (typeof SPDEP_CASES)[number]) {
  const c = readSpdepCase(name);
  const { geometries, values } = validateFeatureInput(c.geojson, c.value_property);
  return { c, values, weights: buildWeights(geometries, parseWeightsSpec(c.weights), { planar: c.planar }) };
}

describe('Gi* equals spdep localG(include.self, style "B") within 1e-9 in z', () => {
  it.each(SPDEP_CASES)('%s', (name) => {
    const { c, values, weights } = weightsFor(name);
    const r = localGiStar(values, weights);
    c.gi_star_z.forEach((z, i) => expect(Math.abs(r.z[i] - z), `unit ${i}`).toBeLessThan(1e-9));
    c.gi_star_p.forEach((p, i) => expect(Math.abs(r.p[i] - p) / p, `p ${i}`).toBeLessThan(1e-9));
    c.gi_star_p_bh.forEach((q, i) => expect(Math.abs(r.pFdr[i] - q) / q, `q ${i}`).toBeLessThan(1e-9));
  });

  it.each(SPDEP_CASES)('%s with row-standardised weights equals spdep style "W"', (name) => {
    const { c, values, weights } = weightsFor(name);
    const r = localGiStar(values, weights, { style: 'row' });
    c.gi_star_row_z.forEach((z, i) => expect(Math.abs(r.z[i] - z), `unit ${i}`).toBeLessThan(1e-9));
  });

  it('Gi (self excluded) equals spdep localG on binary weights without include.self', () => {
    const { c, values, weights } = weightsFor('columbus_queen');
    const r = localGiStar(values, weights, { star: false });
    c.gi_z!.forEach((z, i) => expect(Math.abs(r.z[i] - z), `unit ${i}`).toBeLessThan(1e-9));
    // Gi and Gi* are different statistics: make sure the option changes the result.
    expect(Math.abs(r.z[0] - c.gi_star_z[0])).toBeGreaterThan(1e-3);
  });

  it('a reused computer gives the same answer as a fresh one, for new values', () => {
    const { values, weights } = weightsFor('grid_queen');
    const computer = createGiStarComputer(weights);
    computer.compute(values);
    const shuffled = Float64Array.from(values).reverse();
    const again = Float64Array.from(computer.compute(shuffled).z);
    const fresh = localGiStar(shuffled, weights).z;
    expect(Array.from(again)).toEqual(Array.from(fresh));
    expect(Array.from(again)).not.toEqual(Array.from(localGiStar(values, weights).z));
  });
});
