import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../../../server/routing/problem/validate.js';
import { RoutingInputError } from '../../../../server/routing/problem/errors.js';
import { solve } from '../../../../server/routing/solver/solve.js';

const matrix3 = [
  [0, 10, 20],
  [10, 0, 15],
  [20, 15, 0],
];

function base() {
  return {
    vehicles: [{ id: 1, start_index: 0, end_index: 0 }],
    jobs: [
      { id: 1, location_index: 1 },
      { id: 2, location_index: 2 },
    ],
    matrices: { car: { durations: matrix3 } },
  };
}

function errorOf(fn: () => unknown): RoutingInputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RoutingInputError);
    return e as RoutingInputError;
  }
  throw new Error('expected a RoutingInputError');
}

describe('parseProblem', () => {
  it('accepts a minimal VROOM document', () => {
    const p = parseProblem(base());
    expect(p.jobs).toHaveLength(2);
  });

  it.each([
    ['not an object', 42, /expected object/i],
    ['no vehicles', { vehicles: [] }, /at least one vehicle/],
    ['negative time', { ...base(), jobs: [{ id: 1, location_index: 1, time_windows: [[-5, 10]] }] }, /jobs\[0\]\.time_windows\[0\]/],
    ['reversed window', { ...base(), jobs: [{ id: 1, location_index: 1, time_windows: [[50, 10]] }] }, /start must not be after its end/],
    ['priority over 100', { ...base(), jobs: [{ id: 1, location_index: 1, priority: 101 }] }, /jobs\[0\]\.priority/],
    ['misspelt key', { ...base(), jobs: [{ id: 1, location_index: 1, time_window: [0, 1] }] }, /time_window/],
    ['shipments', { ...base(), shipments: [{}] }, /shipments .* not supported/],
  ])('rejects %s with a located message', (_name, input, message) => {
    expect(errorOf(() => parseProblem(input)).message).toMatch(message);
  });

  it('rejects duplicate job, vehicle and break ids', () => {
    const input = {
      ...base(),
      vehicles: [
        { id: 1, start_index: 0, breaks: [{ id: 3 }, { id: 3 }] },
        { id: 1, start_index: 0 },
      ],
      jobs: [
        { id: 5, location_index: 1 },
        { id: 5, location_index: 2 },
      ],
    };
    const err = errorOf(() => parseProblem(input));
    expect(err.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(['duplicate vehicle id 1', 'duplicate job id 5', 'duplicate break id 3']),
    );
  });

  it('rejects an unknown matrix index', () => {
    const err = errorOf(() => parseProblem({ ...base(), jobs: [{ id: 1, location_index: 7 }] }));
    expect(err.issues[0]).toEqual({ path: 'jobs[0].location_index', message: expect.stringMatching(/unknown index 7.*3 rows/) });
  });

  it('rejects a matrix of the wrong size', () => {
    const err = errorOf(() =>
      parseProblem({ ...base(), matrices: { car: { durations: matrix3, distances: [[0, 1], [1, 0]] } } }),
    );
    expect(err.message).toMatch(/matrices\.car\.distances: has 2 rows, expected 3/);
    const ragged = errorOf(() => parseProblem({ ...base(), matrices: { car: { durations: [[0, 1, 2], [1, 0], [2, 1, 0]] } } }));
    expect(ragged.message).toMatch(/durations\[1\]: has 2 columns/);
  });

  it('requires a matrix for every vehicle profile', () => {
    const err = errorOf(() => parseProblem({ ...base(), vehicles: [{ id: 1, start_index: 0, profile: 'bike' }] }));
    expect(err.message).toMatch(/no matrix given for profile "bike"/);
  });

  it('requires locations that match the mode (indices with matrices, coordinates without)', () => {
    expect(errorOf(() => parseProblem({ vehicles: [{ id: 1, start: [121, 31] }], jobs: [{ id: 1, location_index: 0 }] })).message).toMatch(
      /location_index needs matrices/,
    );
    expect(errorOf(() => parseProblem({ ...base(), jobs: [{ id: 1, location: [121, 31] }] })).message).toMatch(
      /location_index is required when matrices are given/,
    );
    expect(errorOf(() => parseProblem({ ...base(), vehicles: [{ id: 1 }] })).message).toMatch(/needs a start, an end or both/);
    expect(errorOf(() => parseProblem({ vehicles: [{ id: 1, start: [200, 31] }] })).message).toMatch(/vehicles\[0\]\.start\[0\]/);
  });

  it('rejects inconsistent amount dimensions and amounts without capacity', () => {
    const dims = errorOf(() =>
      parseProblem({ ...base(), vehicles: [{ id: 1, start_index: 0, capacity: [5, 5] }], jobs: [{ id: 1, location_index: 1, delivery: [1] }] }),
    );
    expect(dims.message).toMatch(/has 1 dimensions but vehicles\[0\]\.capacity has 2/);
    const noCap = errorOf(() => parseProblem({ ...base(), jobs: [{ id: 1, location_index: 1, pickup: [1] }] }));
    expect(noCap.message).toMatch(/every vehicle needs a capacity/);
  });

  it('reports an infeasible shift and an impossible break through solve', () => {
    const shift = errorOf(() => solve({ ...base(), vehicles: [{ id: 1, start_index: 0, end_index: 2, time_window: [0, 10] }] }));
    expect(shift.message).toMatch(/vehicles\[0\]\.time_window: infeasible shift/);
    const brk = errorOf(() =>
      solve({ ...base(), vehicles: [{ id: 1, start_index: 0, time_window: [0, 100], breaks: [{ id: 9, time_windows: [[200, 300]] }] }] }),
    );
    expect(brk.message).toMatch(/break 9 cannot be taken within the shift/);
  });

  it('asks for distances when minimising distance', () => {
    expect(errorOf(() => parseProblem({ ...base(), options: { minimise: 'distance' } })).message).toMatch(/no distances are given/);
  });
});
