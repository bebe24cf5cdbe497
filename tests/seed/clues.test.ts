import { describe, expect, it } from 'vitest';
import { createRandom } from '../../server/domain/random.js';
import { cellSize, distanceMetres } from '../../db/seed/generate/grid.js';
import { classifyLattice } from '../../db/seed/generate/lattice.js';
import { Geography, type GeoCell } from '../../db/seed/generate/geography.js';
import { residentialCentres } from '../../db/seed/generate/residential.js';
import { generateHotspots, hotspotActivity, type Hotspot } from '../../db/seed/generate/hotspots.js';
import { generateInstitutions } from '../../db/seed/generate/institutions.js';
import { clueLoop, generateClues } from '../../db/seed/generate/clues.js';
import { COVERING_DEPARTMENTS, generateOfficerRelations, generateOfficers } from '../../db/seed/generate/officers.js';
import { vacationOn } from '../../db/seed/generate/seasonality.js';
import { shanghaiParts } from '../../server/domain/time.js';
import type { AreaGeometry } from '../../db/seed/generate/gcj02.js';

// A synthetic 12 × 12 km square "district" near Shanghai, cut into whole 1 km cells.
const size = cellSize('demo', false);
const [i0, j0] = [Math.floor(121.3 / size.lonDegrees), Math.floor(31.1 / size.latDegrees)];
const geometry: AreaGeometry = {
  type: 'Polygon',
  coordinates: [[
    [i0 * size.lonDegrees, j0 * size.latDegrees], [(i0 + 12) * size.lonDegrees, j0 * size.latDegrees],
    [(i0 + 12) * size.lonDegrees, (j0 + 12) * size.latDegrees], [i0 * size.lonDegrees, (j0 + 12) * size.latDegrees],
    [i0 * size.lonDegrees, j0 * size.latDegrees],
  ]],
};
const { inside } = classifyLattice(geometry, size);
const cells: GeoCell[] = inside.map(([i, j], n) => ({
  id: n + 1, code: `C${n + 1}`, districtCode: '310199', streetCode: `310199${n % 2 === 0 ? '001' : '002'}`, i, j,
  lon: (i + 0.5) * size.lonDegrees, lat: (j + 0.5) * size.latDegrees, areaM2: 1e6, whole: true,
}));
const office: [number, number] = [(i0 + 6) * size.lonDegrees, (j0 + 6) * size.latDegrees];
const geography = new Geography([{ code: '310199', name: '测试区', central: false, population: 1_000_000, office, geometry, size, cells }]);
const asOf = new Date('2026-11-21T04:00:00Z');
const plan = {
  asOf,
  districtWeights: new Map([['310199', 1]]),
  districtNames: new Map([['310199', '测试区']]),
  streetNames: new Map([['310199001', '甲街道'], ['310199002', '乙镇']]),
};

function build(seed: number) {
  const random = createRandom(seed);
  const centres = residentialCentres(random.fork('r'), geography, new Map([['310199', [office]]]));
  const hotspots = generateHotspots(random.fork('h'), centres, 12, new Set());
  const institutions = generateInstitutions(random.fork('i'), geography, centres, hotspots, { ...plan, count: 400 });
  const clues = generateClues(random.fork('c'), geography, centres, hotspots, institutions, { ...plan, count: 6000, hotspotShare: 0.35 });
  return { centres, hotspots, institutions, clues };
}

const built = build(2026);

describe('generated institutions and clues on a synthetic district', () => {
  it('is reproducible from the seed', () => {
    const again = build(2026);
    expect(again.clues.slice(0, 50)).toEqual(built.clues.slice(0, 50));
    expect(again.institutions.map((i) => i.name)).toEqual(built.institutions.map((i) => i.name));
    expect(build(2027).clues[0]).not.toEqual(built.clues[0]);
  });

  it('places every point inside the district, in the cell that contains it', () => {
    for (const p of [...built.institutions, ...built.clues]) {
      const cell = geography.locate('310199', p.lon, p.lat);
      expect(cell?.id).toBe(p.gridCellId);
    }
  });

  it('names institutions uniquely and gives every licensed one a licence number', () => {
    expect(new Set(built.institutions.map((i) => i.name)).size).toBe(built.institutions.length);
    expect(built.institutions.filter((i) => i.status === 'licensed').every((i) => i.licenceNo?.startsWith('教民310199'))).toBe(true);
    expect(built.institutions.filter((i) => i.status === 'unlicensed').some((i) => i.creditCode === null)).toBe(true);
  });

  it('reports more per day in the vacations and at weekends', () => {
    const perDay = (filter: (d: { month: number; day: number; weekday: number }) => boolean) => {
      const days = new Set<string>();
      let count = 0;
      for (let t = asOf.getTime() - 730 * 86_400_000; t < asOf.getTime() - 86_400_000; t += 86_400_000) {
        const d = shanghaiParts(new Date(t));
        if (filter(d)) days.add(`${d.year}-${d.month}-${d.day}`);
      }
      for (const clue of built.clues) {
        const d = shanghaiParts(clue.reportedAt);
        if (days.has(`${d.year}-${d.month}-${d.day}`)) count++;
      }
      return count / days.size;
    };
    const schoolWeekday = perDay((d) => !vacationOn(d.month, d.day) && d.weekday >= 1 && d.weekday <= 5);
    expect(perDay((d) => vacationOn(d.month, d.day) !== null && d.weekday >= 1 && d.weekday <= 5)).toBeGreaterThan(1.6 * schoolWeekday);
    expect(perDay((d) => !vacationOn(d.month, d.day) && (d.weekday === 0 || d.weekday === 6))).toBeGreaterThan(1.3 * schoolWeekday);
  });

  it('makes emerging hotspots recent and fading hotspots early', () => {
    const window = 730 * 86_400_000;
    const meanFraction = (pattern: Hotspot['pattern']) => {
      const ids = new Set(built.hotspots.filter((h) => h.pattern === pattern).map((h) => h.index));
      const times = built.clues.filter((c) => c.hotspot !== null && ids.has(c.hotspot)).map((c) => 1 - (asOf.getTime() - c.reportedAt.getTime()) / window);
      return { n: times.length, mean: times.reduce((a, b) => a + b, 0) / times.length };
    };
    const emerging = meanFraction('emerging');
    const fading = meanFraction('fading');
    expect(emerging.n).toBeGreaterThan(50);
    expect(fading.n).toBeGreaterThan(50);
    expect(emerging.mean).toBeGreaterThan(0.75);
    expect(fading.mean).toBeLessThan(0.4);
    // Hotspot clues are tightly clustered around their hotspot.
    const h = built.hotspots[0];
    const near = built.clues.filter((c) => c.hotspot === h.index).map((c) => distanceMetres([c.lon, c.lat], [h.lon, h.lat]));
    expect(near.sort((a, b) => a - b)[Math.floor(near.length / 2)]).toBeLessThan(3 * h.sigmaMetres);
  });

  it('links about a third of clues to an institution within 300 m', () => {
    const byId = new Map(built.institutions.map((i) => [i.id, i]));
    const linked = built.clues.filter((c) => c.institutionId !== null);
    expect(linked.length / built.clues.length).toBeGreaterThan(0.15);
    expect(linked.length / built.clues.length).toBeLessThan(0.5);
    for (const clue of linked) expect(distanceMetres([clue.lon, clue.lat], [byId.get(clue.institutionId!)!.lon, byId.get(clue.institutionId!)!.lat])).toBeLessThanOrEqual(300);
  });

  it('refuses impossible plans', () => {
    const random = createRandom(1);
    expect(() => generateClues(random, geography, built.centres, built.hotspots, built.institutions, { ...plan, count: -1, hotspotShare: 0.3 })).toThrow(/count/);
    expect(() => generateClues(random, geography, built.centres, built.hotspots, built.institutions, { ...plan, count: 1, hotspotShare: 1 })).toThrow(/hotspotShare/);
  });
});

describe('the clue loop', () => {
  it('closes old clues, keeps fresh ones early in the loop, and sets the deadline by source', () => {
    const random = createRandom(4);
    const reportedAt = new Date(asOf.getTime() - 400 * 86_400_000);
    const old = Array.from({ length: 300 }, () => clueLoop(random, reportedAt, '12345', asOf));
    expect(old.filter((c) => c.status === 'closed' || c.status === 'rejected').length).toBeGreaterThan(295);
    expect(old[0].dueAt.getTime() - reportedAt.getTime()).toBe(7 * 86_400_000);
    const fresh = Array.from({ length: 300 }, () => clueLoop(random, new Date(asOf.getTime() - 3600_000), 'platform', asOf));
    expect(fresh.filter((c) => c.closedAt === null).length).toBeGreaterThan(250);
    expect(fresh.filter((c) => c.status === 'received' || c.status === 'registered').length).toBeGreaterThan(150);
    expect(fresh.every((c) => c.closedAt === null || c.closedAt.getTime() <= asOf.getTime())).toBe(true);
  });

  it('keeps hotspot activity within its life cycle', () => {
    const base = { index: 0, districtCode: 'x', lon: 0, lat: 0, sigmaMetres: 100, strength: 1 };
    expect(hotspotActivity({ ...base, pattern: 'emerging', turningPoint: 0.7 }, 0.5, 3, 1)).toBe(0);
    expect(hotspotActivity({ ...base, pattern: 'emerging', turningPoint: 0.7 }, 0.99, 3, 1)).toBeGreaterThan(0.9);
    expect(hotspotActivity({ ...base, pattern: 'fading', turningPoint: 0.5 }, 0.6, 3, 1)).toBe(0);
    expect(hotspotActivity({ ...base, pattern: 'vacation', turningPoint: 0 }, 0.5, 7, 10)).toBeGreaterThan(hotspotActivity({ ...base, pattern: 'vacation', turningPoint: 0 }, 0.5, 10, 10));
  });
});

describe('officers', () => {
  it('spreads certified officers over departments, some with expired certificates, all inside the district', () => {
    const officers = generateOfficers(createRandom(3), geography, 300, asOf);
    expect(new Set(officers.map((o) => o.certificateNo)).size).toBe(300);
    const expired = officers.filter((o) => o.certificateExpiresOn < '2026-11-21').length;
    expect(expired).toBeGreaterThan(10);
    expect(expired).toBeLessThan(60);
    const count = (code: string) => officers.filter((o) => o.departmentCode === code).length;
    expect(count('education')).toBeGreaterThan(count('tax'));
    expect(count('urban_management')).toBeGreaterThan(count('sports'));
    expect(officers.every((o) => geography.locate('310199', o.lon, o.lat) !== null)).toBe(true);
  });

  it('gives every district two education officers and one of each department of a joint team, certified a month ahead', () => {
    const officers = generateOfficers(createRandom(5), geography, 400, asOf);
    const certified = officers.filter((o) => o.certificateExpiresOn >= '2026-12-21');
    for (const district of geography.districts) {
      for (const department of new Set(COVERING_DEPARTMENTS)) {
        const found = certified.filter((o) => o.districtCode === district.code && o.departmentCode === department).length;
        expect(found, `${district.code} ${department}`).toBeGreaterThanOrEqual(COVERING_DEPARTMENTS.filter((d) => d === department).length);
      }
    }
  });

  it('has lapsed certificates and certificates expiring within 30 days, whatever the seed; home streets in the district', () => {
    for (const seed of [1, 2, 3]) {
      const officers = generateOfficers(createRandom(seed), geography, 100, asOf);
      const expired = officers.filter((o) => o.certificateExpiresOn < '2026-11-21').length;
      const soon = officers.filter((o) => o.certificateExpiresOn >= '2026-11-21' && o.certificateExpiresOn <= '2026-12-21').length;
      // 91 beyond the 9 covering ones: every tenth lapsed, every tenth expiring soon.
      expect(expired).toBe(10);
      expect(soon).toBeGreaterThanOrEqual(9);
      expect(officers.every((o) => o.homeStreetCode === '310199001' || o.homeStreetCode === '310199002')).toBe(true);
      expect(new Set(officers.map((o) => o.homeStreetCode)).size).toBe(2);
    }
  });

  it('registers a few relations to institutions of the officer’s district, at least one per district, near home when it can', () => {
    const officers = generateOfficers(createRandom(5), geography, 200, asOf);
    const institutions = Array.from({ length: 40 }, (_, i) => ({ id: i + 1, districtCode: '310199', streetCode: i % 2 ? '310199001' : '310199002' }));
    const relations = generateOfficerRelations(createRandom(6), officers, institutions, asOf);
    expect(relations.length).toBeGreaterThanOrEqual(1);
    expect(relations.length).toBeLessThan(30);
    expect(relations[0].officerId).toBe(1);
    expect(officers[0].departmentCode).toBe('education');
    for (const r of relations) {
      const officer = officers.find((o) => o.id === r.officerId)!;
      const institution = institutions.find((i) => i.id === r.institutionId)!;
      expect(institution.streetCode).toBe(officer.homeStreetCode);
      expect(r.registeredOn <= '2026-11-21' && r.registeredOn >= '2023-11-21').toBe(true);
      expect(r.note.length).toBeGreaterThan(0);
    }
    expect(new Set(relations.map((r) => r.id)).size).toBe(relations.length);
    expect(generateOfficerRelations(createRandom(6), officers, [], asOf)).toEqual([]);
  });
});
