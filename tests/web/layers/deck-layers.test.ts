import { describe, expect, test } from 'vitest';
import { buildDeckLayers, choroplethModel, layerZoom, type LayerInput } from '../../../web/layers/deck-layers.js';
import { characterSetOf, districtLabels } from '../../../web/layers/district-layers.js';
import { gridCellFill } from '../../../web/layers/grid-layer.js';
import { institutionColour } from '../../../web/layers/institution-layers.js';
import { darkTheme } from '../../../web/layers/theme.js';
import type { ClueFeature, DistrictFeature, GridCellFeature, InstitutionFeature } from '../../../web/layers/types.js';

const square = (x: number, y: number, size: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});

const districts: DistrictFeature[] = [
  { type: 'Feature', id: '310107', geometry: square(121.35, 31.22, 0.1), properties: { code: '310107', name: '普陀区', nameEn: 'Putuo', synthetic: false, institutionCount: 3, clueCount: 2, openClueCount: 1 } },
  { type: 'Feature', id: '310101', geometry: square(121.45, 31.2, 0.05), properties: { code: '310101', name: '黄浦区', nameEn: 'Huangpu', synthetic: false, institutionCount: 1, clueCount: 1, openClueCount: 0 } },
];

const cell = (id: number, clueCount: number): GridCellFeature => ({
  type: 'Feature', id, geometry: square(121.36 + id * 0.01, 31.23, 0.008),
  properties: { id, code: `G${id}`, districtCode: '310107', streetCode: '310107001', workerName: '王', synthetic: true, clueCount },
});

const institution = (id: number, status: InstitutionFeature['properties']['status'], listStatus: InstitutionFeature['properties']['listStatus'] = 'none'): InstitutionFeature => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates: [121.4 + id * 0.001, 31.25] },
  properties: { id, name: `机构${id}`, category: '学科类', status, listStatus, districtCode: '310107' },
});

const clue = (id: number, districtCode: string): ClueFeature => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates: [121.4, 31.25] },
  properties: { id, source: '12345', reportedAt: '2026-11-01T10:00:00+08:00', suspectedType: 'daycare', status: 'received', districtCode },
});

function input(overrides: Partial<LayerInput> = {}): LayerInput {
  return {
    theme: darkTheme, language: 'zh-CN', zoom: 10,
    visible: { districts: true, grid: true, institutions: true, heatmap: true },
    districts, gridCells: [cell(1, 0), cell(2, 3), cell(3, 9)],
    institutions: [institution(1, 'licensed'), institution(2, 'unlicensed', 'black'), institution(3, 'revoked')],
    clues: [clue(1, '310107'), clue(2, '310107'), clue(3, '310101')],
    selectedDistrict: null, selection: null, hasDistrictLayers: true,
    ...overrides,
  };
}

const ids = (layers: { id: string }[]) => layers.map((l) => l.id);

describe('deck.gl layer factories', () => {
  test('zoomed out: districts choropleth, institution clusters, labels and the clue heatmap', () => {
    expect(ids(buildDeckLayers(input()))).toEqual(['district-choropleth', 'clue-heatmap', 'institution-clusters', 'institution-cluster-counts', 'district-labels']);
  });

  test('zoomed in: grid cells, clue dots and single institutions', () => {
    expect(ids(buildDeckLayers(input({ zoom: 15 })))).toEqual(['grid-choropleth', 'clue-heatmap', 'clue-points', 'institution-points', 'district-labels']);
  });

  test('toggled-off layers produce no layer; before any clue the heatmap is there but hidden (its shaders compile early)', () => {
    const off = { districts: false, grid: false, institutions: false, heatmap: false };
    expect(ids(buildDeckLayers(input({ zoom: 15, visible: off })))).toEqual([]);
    const layers = buildDeckLayers(input({ zoom: 15, visible: { ...off, heatmap: true }, clues: [] }));
    expect(layers.map((l) => [l.id, l.props.visible])).toEqual([['clue-heatmap', false]]);
    const clusters = buildDeckLayers(input({ visible: { districts: false, grid: false, institutions: true, heatmap: true }, clues: [] }));
    expect(ids(clusters)).toEqual(['clue-heatmap', 'institution-clusters', 'institution-cluster-counts']);
  });

  test('the layers built for layerZoom are those of the zoom itself, so zooming within a level can keep them', () => {
    expect([9.4, 10.99, 11.2, 12.4, 12.7, 13.9, 14.3].map(layerZoom)).toEqual([9, 10, 11, 12, 12.5, 13, 14]);
    const drawn = (zoom: number) => buildDeckLayers(input({ zoom })).map((l) => [l.id, l.props.data]);
    for (const zoom of [9.4, 10.99, 11.2, 12.4, 12.7, 13.9, 14.3, 16.8]) expect(drawn(layerZoom(zoom))).toEqual(drawn(zoom));
  });

  test('the choropleth slides under our district borders only when they exist', () => {
    const [withBorders] = buildDeckLayers(input({ zoom: 12 }));
    expect((withBorders.props as { beforeId?: string }).beforeId).toBe('jointops-district-casing');
    const [external] = buildDeckLayers(input({ zoom: 12, hasDistrictLayers: false }));
    expect((external.props as { beforeId?: string }).beforeId).toBeUndefined();
  });

  test('institution colours follow status; black-listed points get the ring colour', () => {
    expect(institutionColour('licensed', darkTheme)).toEqual(darkTheme.status.licensed);
    expect(institutionColour('unlicensed', darkTheme)).toEqual(darkTheme.status.unlicensed);
    expect(institutionColour('nonsense', darkTheme)).toEqual([160, 160, 160, 255]);
    const points = buildDeckLayers(input({ zoom: 15 })).find((l) => l.id === 'institution-points')!;
    const props = points.props as unknown as { getFillColor: (f: InstitutionFeature) => number[]; getLineColor: (f: InstitutionFeature) => number[] };
    expect(props.getFillColor(institution(9, 'revoked'))).toEqual(darkTheme.status.revoked);
    expect(props.getLineColor(institution(9, 'revoked', 'black'))).toEqual(darkTheme.blackListRing);
    expect(props.getLineColor(institution(9, 'revoked', 'none'))).toEqual(darkTheme.pointOutline);
  });

  test('grid cells are coloured by their class; empty cells are transparent', () => {
    const model = choroplethModel(input({ zoom: 12 }), 12);
    expect(model.level).toBe('gridCells');
    expect(model.breaks).toEqual([3, 9]);
    expect(gridCellFill(cell(1, 0), model.breaks, darkTheme)[3]).toBe(0);
    expect(gridCellFill(cell(2, 3), model.breaks, darkTheme)).toEqual(darkTheme.choropleth[0]);
    expect(gridCellFill(cell(3, 9), model.breaks, darkTheme)).toEqual(darkTheme.choropleth[4]);
  });

  test('zoomed out, district counts come from the clues of the period', () => {
    const model = choroplethModel(input(), 9);
    expect(model.level).toBe('districts');
    expect([...model.countsByDistrict.entries()]).toEqual([['310107', 2], ['310101', 1]]);
    expect(model.breaks).toEqual([1, 2]);
  });

  test('labels follow the language and the text layer gets exactly their characters', () => {
    expect(districtLabels(districts, 'en').map((l) => l.text)).toEqual(['Putuo', 'Huangpu']);
    const labels = districtLabels(districts, 'zh-CN');
    expect(labels[0].position[0]).toBeCloseTo(121.4, 6);
    expect(characterSetOf(labels.map((l) => l.text))).toEqual([...'区普浦陀黄'].sort());
    const textLayer = buildDeckLayers(input()).find((l) => l.id === 'district-labels')!;
    expect((textLayer.props as unknown as { characterSet: string[] }).characterSet).toEqual([...'区普浦陀黄'].sort());
  });
});
