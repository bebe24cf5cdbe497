import { z } from 'zod';
import { coordinateSchema } from './schema.js';

// The solution mirrors VROOM's output. Times are in the units of the input (seconds),
// distances in the units of the distance matrix (metres when computed from coordinates).

export const stepSchema = z.object({
  type: z.enum(['start', 'job', 'break', 'end']),
  id: z.number().int().optional(),
  location: coordinateSchema.optional(),
  location_index: z.number().int().optional(),
  arrival: z.number(),
  /** Cumulated travel time on arrival at this step. */
  duration: z.number(),
  setup: z.number(),
  service: z.number(),
  waiting_time: z.number(),
  /** Cumulated travel distance on arrival at this step. */
  distance: z.number().optional(),
  /** Vehicle load after this step. */
  load: z.array(z.number()),
  description: z.string().optional(),
});

export const geometrySchema = z.union([
  z.string(),
  z.object({ type: z.literal('LineString'), coordinates: z.array(z.tuple([z.number(), z.number()])) }),
]);

export const routeSchema = z.object({
  vehicle: z.number().int(),
  description: z.string().optional(),
  cost: z.number(),
  delivery: z.array(z.number()),
  amount: z.array(z.number()),
  pickup: z.array(z.number()),
  setup: z.number(),
  service: z.number(),
  duration: z.number(),
  waiting_time: z.number(),
  priority: z.number(),
  distance: z.number().optional(),
  steps: z.array(stepSchema),
  geometry: geometrySchema.optional(),
});

/**
 * Why a job is unassigned: the limit that blocks it in the returned solution (see docs/routing.md). The first five
 * are the original values; `shift_length` and `unreachable` were added without changing their meaning.
 */
export const unassignedReasonSchema = z.enum([
  'skills',
  'capacity',
  'time_window',
  'max_tasks',
  'no_room',
  'shift_length',
  'unreachable',
]);

/** The counts behind an unassigned job's reason, so that a client can word it in its own language. */
export const unassignedDetailsSchema = z.object({
  /** Vehicles in the problem. */
  vehicles: z.number().int(),
  /** Vehicles with every skill the job needs. */
  skilled: z.number().int(),
  /** Skilled vehicles that could serve it with nothing else to do. */
  suitable: z.number().int(),
  /** `max_tasks`: the job limit of those vehicles. */
  max_tasks: z.number().int().optional(),
  /** `shift_length`: the time the job needs (travel there and back, service, breaks) and the shift, in seconds. */
  needed_seconds: z.number().optional(),
  shift_seconds: z.number().optional(),
});

export const unassignedSchema = z.object({
  id: z.number().int(),
  type: z.literal('job'),
  location: coordinateSchema.optional(),
  location_index: z.number().int().optional(),
  description: z.string().optional(),
  reason: unassignedReasonSchema,
  message: z.string(),
  details: unassignedDetailsSchema.optional(),
});

export const idleReasonSchema = z.enum(['no_compatible_job', 'served_by_others', 'out_of_reach', 'max_tasks', 'unused']);

export const idleVehicleDetailsSchema = z.object({
  jobs: z.number().int(),
  /** Jobs whose skills and amounts the vehicle has. */
  compatible: z.number().int(),
  /** Of those, the jobs its shift can reach. */
  reachable: z.number().int(),
});

/** A vehicle without a job (not part of VROOM's output, which leaves such vehicles out silently). */
export const idleVehicleSchema = z.object({
  vehicle: z.number().int(),
  description: z.string().optional(),
  reason: idleReasonSchema,
  message: z.string(),
  details: idleVehicleDetailsSchema,
});

export const summarySchema = z.object({
  cost: z.number(),
  routes: z.number().int(),
  unassigned: z.number().int(),
  delivery: z.array(z.number()),
  amount: z.array(z.number()),
  pickup: z.array(z.number()),
  setup: z.number(),
  service: z.number(),
  duration: z.number(),
  waiting_time: z.number(),
  priority: z.number(),
  distance: z.number().optional(),
  computing_times: z.object({ loading: z.number(), solving: z.number(), routing: z.number() }),
});

export const solutionSchema = z.object({
  code: z.number().int(),
  summary: summarySchema,
  unassigned: z.array(unassignedSchema),
  routes: z.array(routeSchema),
  /** Present when some vehicle has no job. */
  idle_vehicles: z.array(idleVehicleSchema).optional(),
});

export type VrpStep = z.infer<typeof stepSchema>;
export type VrpGeometry = z.infer<typeof geometrySchema>;
export type VrpRoute = z.infer<typeof routeSchema>;
export type UnassignedReason = z.infer<typeof unassignedReasonSchema>;
export type UnassignedDetails = z.infer<typeof unassignedDetailsSchema>;
export type VrpUnassigned = z.infer<typeof unassignedSchema>;
export type IdleReason = z.infer<typeof idleReasonSchema>;
export type IdleVehicleDetails = z.infer<typeof idleVehicleDetailsSchema>;
export type VrpIdleVehicle = z.infer<typeof idleVehicleSchema>;
export type VrpSummary = z.infer<typeof summarySchema>;
export type VrpSolution = z.infer<typeof solutionSchema>;
