import { z } from 'zod';

// The input follows VROOM's JSON API (jobs, vehicles, matrices, options) so that existing
// routing users can send the same documents. Objects are strict: a misspelt key such as
// `time_window` on a job would otherwise be dropped silently and change the plan.

const finite = z.number().finite();
const nonNegative = finite.nonnegative();
const id = z.number().int().nonnegative();

/** [longitude, latitude] in WGS84 degrees. */
export const coordinateSchema = z.tuple([finite.min(-180).max(180), finite.min(-90).max(90)]);

/** [start, end] in seconds; relative to the planning horizon or absolute timestamps. */
export const timeWindowSchema = z
  .tuple([nonNegative, nonNegative])
  .refine(([start, end]) => start <= end, { message: 'time window start must not be after its end' });

export const amountSchema = z.array(z.number().int().nonnegative());

export const breakSchema = z.strictObject({
  id,
  time_windows: z.array(timeWindowSchema).optional(),
  service: nonNegative.optional(),
  description: z.string().optional(),
});

export const vehicleCostsSchema = z.strictObject({
  fixed: nonNegative.optional(),
  per_hour: nonNegative.optional(),
  per_km: nonNegative.optional(),
});

export const vehicleSchema = z.strictObject({
  id,
  profile: z.string().min(1).optional(),
  description: z.string().optional(),
  start: coordinateSchema.optional(),
  start_index: z.number().int().nonnegative().optional(),
  end: coordinateSchema.optional(),
  end_index: z.number().int().nonnegative().optional(),
  capacity: amountSchema.optional(),
  skills: z.array(id).optional(),
  time_window: timeWindowSchema.optional(),
  breaks: z.array(breakSchema).optional(),
  max_tasks: z.number().int().nonnegative().optional(),
  speed_factor: finite.positive().max(5).optional(),
  costs: vehicleCostsSchema.optional(),
});

export const jobSchema = z.strictObject({
  id,
  description: z.string().optional(),
  location: coordinateSchema.optional(),
  location_index: z.number().int().nonnegative().optional(),
  setup: z.literal(0).optional(),
  service: nonNegative.optional(),
  delivery: amountSchema.optional(),
  pickup: amountSchema.optional(),
  /** Legacy VROOM key, read as `delivery`. */
  amount: amountSchema.optional(),
  skills: z.array(id).optional(),
  priority: z.number().int().min(0).max(100).optional(),
  time_windows: z.array(timeWindowSchema).optional(),
});

/**
 * A matrix of non-negative finite numbers. Checked with a plain loop: a 2,000-place problem has
 * 8 million entries, too many for per-element schema objects.
 */
const matrixSchema = z.custom<number[][]>().superRefine((value, ctx) => {
  if (!Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'expected an array of rows' });
    return;
  }
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row)) {
      ctx.addIssue({ code: 'custom', message: 'expected an array of numbers', path: [r] });
      return;
    }
    for (let c = 0; c < row.length; c++) {
      const x: unknown = row[c];
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) {
        ctx.addIssue({ code: 'custom', message: `expected a finite non-negative number, got ${JSON.stringify(x)}`, path: [r, c] });
        return;
      }
    }
  }
});

export const profileMatricesSchema = z.strictObject({
  durations: matrixSchema.optional(),
  distances: matrixSchema.optional(),
  costs: matrixSchema.optional(),
});

export const optionsSchema = z.strictObject({
  /** Return route geometry (VROOM's `g`). */
  g: z.boolean().optional(),
  /** What the travel cost measures when vehicles carry no `costs`: travel time (default) or distance. */
  minimise: z.enum(['duration', 'distance']).optional(),
  /**
   * Weight of the work-balance term: cost + balance × (longest route working time, in cost units
   * per second). 0 (default) switches it off.
   */
  balance: nonNegative.optional(),
});

export const problemSchema = z.strictObject({
  vehicles: z.array(vehicleSchema).min(1, { message: 'at least one vehicle is required' }),
  jobs: z.array(jobSchema).optional(),
  shipments: z
    .array(z.unknown())
    .max(0, { message: 'shipments (paired pickup and delivery) are not supported; use jobs' })
    .optional(),
  matrices: z.record(z.string(), profileMatricesSchema).optional(),
  options: optionsSchema.optional(),
});

export type Coordinate = z.infer<typeof coordinateSchema>;
export type TimeWindow = z.infer<typeof timeWindowSchema>;
export type VrpBreak = z.infer<typeof breakSchema>;
export type VrpVehicle = z.infer<typeof vehicleSchema>;
export type VrpJob = z.infer<typeof jobSchema>;
export type VrpProfileMatrices = z.infer<typeof profileMatricesSchema>;
export type VrpOptions = z.infer<typeof optionsSchema>;
export type VrpProblem = z.infer<typeof problemSchema>;
