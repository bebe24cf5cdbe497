import { problemSchema, type VrpProblem } from './schema.js';
import { RoutingInputError, formatPath, type RoutingInputIssue } from './errors.js';

export const DEFAULT_PROFILE = 'car';

/**
 * Parses an untrusted VROOM-style document and checks what the schema alone cannot:
 * unique ids, consistent locations and amounts, matrix shapes and indices.
 * Throws RoutingInputError listing every problem found.
 */
export function parseProblem(input: unknown): VrpProblem {
  const parsed = problemSchema.safeParse(input);
  if (!parsed.success) {
    throw new RoutingInputError(
      parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    );
  }
  const problem = parsed.data;
  const issues = [...checkIds(problem), ...checkLocations(problem), ...checkMatrices(problem), ...checkAmounts(problem)];
  if (issues.length > 0) throw new RoutingInputError(issues);
  return problem;
}

function checkIds(problem: VrpProblem): RoutingInputIssue[] {
  const issues: RoutingInputIssue[] = [];
  const duplicates = (ids: number[], path: (i: number) => string, what: string) => {
    const seen = new Set<number>();
    ids.forEach((id, i) => {
      if (seen.has(id)) issues.push({ path: path(i), message: `duplicate ${what} id ${id}` });
      seen.add(id);
    });
  };
  duplicates(problem.vehicles.map((v) => v.id), (i) => `vehicles[${i}].id`, 'vehicle');
  duplicates((problem.jobs ?? []).map((j) => j.id), (i) => `jobs[${i}].id`, 'job');
  problem.vehicles.forEach((v, vi) =>
    duplicates((v.breaks ?? []).map((b) => b.id), (i) => `vehicles[${vi}].breaks[${i}].id`, 'break'),
  );
  return issues;
}

/** With matrices every place is a matrix index; without them every place needs coordinates. */
function checkLocations(problem: VrpProblem): RoutingInputIssue[] {
  const issues: RoutingInputIssue[] = [];
  const withMatrices = problem.matrices !== undefined;
  (problem.jobs ?? []).forEach((job, i) => {
    if (withMatrices && job.location_index === undefined) {
      issues.push({ path: `jobs[${i}]`, message: 'location_index is required when matrices are given' });
    } else if (!withMatrices && job.location === undefined) {
      issues.push({
        path: `jobs[${i}]`,
        message:
          job.location_index === undefined
            ? 'a job needs a location ([lon, lat]) or a location_index'
            : 'location_index needs matrices; give matrices or a location ([lon, lat])',
      });
    }
  });
  problem.vehicles.forEach((v, i) => {
    const hasStart = v.start !== undefined || v.start_index !== undefined;
    const hasEnd = v.end !== undefined || v.end_index !== undefined;
    if (!hasStart && !hasEnd) issues.push({ path: `vehicles[${i}]`, message: 'a vehicle needs a start, an end or both' });
    for (const [coord, index, name] of [
      [v.start, v.start_index, 'start'],
      [v.end, v.end_index, 'end'],
    ] as const) {
      if (coord === undefined && index === undefined) continue;
      if (withMatrices && index === undefined) {
        issues.push({ path: `vehicles[${i}]`, message: `${name}_index is required when matrices are given` });
      } else if (!withMatrices && coord === undefined) {
        issues.push({ path: `vehicles[${i}]`, message: `${name}_index needs matrices; give matrices or ${name} as [lon, lat]` });
      }
    }
  });
  return issues;
}

function checkMatrices(problem: VrpProblem): RoutingInputIssue[] {
  const issues: RoutingInputIssue[] = [];
  const matrices = problem.matrices;
  if (matrices === undefined) return issues;
  const sizes = new Map<string, number>();
  for (const [profile, m] of Object.entries(matrices)) {
    const path = `matrices.${profile}`;
    if (m.durations === undefined) {
      issues.push({ path, message: 'durations are required' });
      continue;
    }
    const n = m.durations.length;
    sizes.set(profile, n);
    for (const key of ['durations', 'distances', 'costs'] as const) {
      const rows = m[key];
      if (rows === undefined) continue;
      if (rows.length !== n) issues.push({ path: `${path}.${key}`, message: `has ${rows.length} rows, expected ${n}` });
      rows.forEach((row, r) => {
        if (row.length !== rows.length) {
          issues.push({ path: `${path}.${key}[${r}]`, message: `has ${row.length} columns, expected ${rows.length} (matrix must be square)` });
        }
      });
    }
  }
  const indexUses: { path: string; index: number; profile: string }[] = [];
  problem.vehicles.forEach((v, i) => {
    const profile = v.profile ?? DEFAULT_PROFILE;
    if (!sizes.has(profile) && !(profile in matrices)) {
      issues.push({ path: `vehicles[${i}].profile`, message: `no matrix given for profile "${profile}"` });
    }
    if (v.start_index !== undefined) indexUses.push({ path: `vehicles[${i}].start_index`, index: v.start_index, profile });
    if (v.end_index !== undefined) indexUses.push({ path: `vehicles[${i}].end_index`, index: v.end_index, profile });
  });
  const vehicleProfiles = [...new Set(problem.vehicles.map((v) => v.profile ?? DEFAULT_PROFILE))];
  (problem.jobs ?? []).forEach((job, i) => {
    if (job.location_index === undefined) return;
    for (const profile of vehicleProfiles) indexUses.push({ path: `jobs[${i}].location_index`, index: job.location_index, profile });
  });
  for (const use of indexUses) {
    const n = sizes.get(use.profile);
    if (n !== undefined && use.index >= n) {
      issues.push({ path: use.path, message: `unknown index ${use.index}: the "${use.profile}" matrix has ${n} rows` });
    }
  }
  if (problem.options?.minimise === 'distance') {
    for (const profile of vehicleProfiles) {
      if (matrices[profile] && matrices[profile].distances === undefined) {
        issues.push({ path: `matrices.${profile}.distances`, message: 'options.minimise is "distance" but no distances are given' });
      }
    }
  }
  return issues;
}

/** VROOM requires one length for every capacity, delivery and pickup array. */
function checkAmounts(problem: VrpProblem): RoutingInputIssue[] {
  const issues: RoutingInputIssue[] = [];
  const lengths: { path: string; length: number }[] = [];
  problem.vehicles.forEach((v, i) => {
    if (v.capacity) lengths.push({ path: `vehicles[${i}].capacity`, length: v.capacity.length });
  });
  (problem.jobs ?? []).forEach((job, i) => {
    if (job.amount && job.delivery) issues.push({ path: `jobs[${i}]`, message: 'give delivery or the legacy amount, not both' });
    for (const key of ['delivery', 'pickup', 'amount'] as const) {
      const a = job[key];
      if (a) lengths.push({ path: `jobs[${i}].${key}`, length: a.length });
    }
  });
  const first = lengths[0];
  if (first === undefined) return issues;
  for (const l of lengths) {
    if (l.length !== first.length) {
      issues.push({ path: l.path, message: `has ${l.length} dimensions but ${first.path} has ${first.length}` });
    }
  }
  const jobsUseAmounts = lengths.some((l) => l.path.startsWith('jobs') && l.length > 0);
  if (jobsUseAmounts) {
    problem.vehicles.forEach((v, i) => {
      if (!v.capacity) issues.push({ path: `vehicles[${i}].capacity`, message: 'jobs carry amounts, so every vehicle needs a capacity' });
    });
  }
  return issues;
}
