import type { PatrolOptions, PatrolPlan } from '../../server/contract/index.js';

/** A small plan as the API returns it: two teams, one on the roads, one approximate, one target unassigned. */
export function samplePlan(): PatrolPlan {
  const base: [number, number] = [121.47, 31.23];
  const route = (vehicle: number, coordinates: [number, number][], timestamps: number[], approximate: boolean) => ({
    vehicle,
    cost: 0,
    delivery: [],
    amount: [],
    pickup: [],
    setup: 0,
    service: 1200,
    duration: 600,
    waiting_time: 0,
    priority: 10,
    distance: 3000,
    steps: [],
    geometry: { type: 'LineString' as const, coordinates },
    approximate,
    timestamps,
  });
  return {
    district: { code: '310101', name: '黄浦区', nameEn: 'Huangpu' },
    date: '2026-11-23',
    shift: { kind: 'weekday_evening', start: '18:00', end: '21:00' },
    base: { name: '教育局办公点', location: base },
    teams: [1, 2].map((teamId) => ({
      teamId,
      members: [{ id: teamId, name: `员${teamId}`, departmentCode: 'education' }],
      stops: [
        {
          sequence: 1,
          jobId: teamId,
          kind: 'institution' as const,
          refId: 100 + teamId,
          name: `机构${teamId}`,
          location: [121.48, 31.23 + teamId / 100] as [number, number],
          checks: ['inspection' as const],
          priority: 30,
          arrivalSeconds: 65400,
          startSeconds: 65400,
          eta: '18:10',
        },
      ],
      stopCount: 1,
      distanceMetres: 3000,
      travelSeconds: 600,
      workingSeconds: 2400,
      departure: '18:00',
      firstEta: '18:10',
      lastEta: '18:10',
      returnEta: '18:40',
    })),
    idleTeams: [
      {
        teamId: 3,
        members: [{ id: 3, name: '员3', departmentCode: 'education' }],
        reason: 'served_by_others' as const,
        message: 'all 2 jobs it could serve are served by other vehicles',
        details: { jobs: 3, compatible: 2, reachable: 2 },
      },
    ],
    unassigned: [
      {
        jobId: 3,
        kind: 'institution',
        refId: 103,
        name: '机构3',
        reason: 'skills',
        message: 'only 1 of 3 vehicles have the skills this job requires, and its route has no room left for it; vehicles without the skills do',
        details: { vehicles: 3, skilled: 1, suitable: 1 },
      },
    ],
    excludedOfficers: [],
    warnings: [],
    draw: null,
    assignedStops: 2,
    totalDistanceMetres: 6000,
    approximate: true,
    seed: 1,
    solution: {
      code: 0,
      summary: {
        cost: 0, routes: 2, unassigned: 1, delivery: [], amount: [], pickup: [], setup: 0, service: 2400, duration: 1200,
        waiting_time: 0, priority: 20, computing_times: { loading: 0, solving: 0, routing: 0 },
      },
      unassigned: [],
      routes: [
        route(1, [base, [121.475, 31.235], [121.48, 31.24], [121.48, 31.24], base], [64800, 65100, 65400, 66600, 67200], false),
        route(2, [base, [121.48, 31.25], [121.48, 31.25], base], [64800, 65400, 66600, 67200], true),
      ],
    },
    problem: { vehicles: [], jobs: [] },
    departureHour: 18,
  };
}

export function sampleOptions(): PatrolOptions {
  return {
    district: { code: '310101', name: '黄浦区', nameEn: 'Huangpu' },
    date: '2026-11-23',
    bases: [{ id: 'education', name: '教育局办公点', nameEn: 'Education Bureau office', location: [121.47, 31.23], officers: 3 }],
    officers: { total: 4, certified: 3, education: 1, fireRescue: 0, maxTeams: 1 },
    institutions: [5, 9, 2, 7].map((id, i) => ({
      id,
      name: `机构${id}`,
      location: [121.47 + id / 1000, 31.23] as [number, number],
      priority: 40 - i * 10,
      recentClueCount: 4 - i,
      status: 'licensed',
      listStatus: 'none',
    })),
    gridCells: [],
  };
}
