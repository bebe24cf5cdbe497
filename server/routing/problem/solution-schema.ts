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

export const unassignedReasonSchema = z.enum([
  'skills',
  'capacity',
  'time_window',
  'max_tasks',
  'no_room',
]);

export const unassignedSchema = z.object({
  id: z.number().int(),
  type: z.literal('job'),
  location: coordinateSchema.optional(),
  location_index: z.number().int().optional(),
  description: z.string().optional(),
  reason: unassignedReasonSchema,
  message: z.string(),
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
});

export type VrpStep = z.infer<typeof stepSchema>;
export type VrpGeometry = z.infer<typeof geometrySchema>;
export type VrpRoute = z.infer<typeof routeSchema>;
export type UnassignedReason = z.infer<typeof unassignedReasonSchema>;
export type VrpUnassigned = z.infer<typeof unassignedSchema>;
export type VrpSummary = z.infer<typeof summarySchema>;
export type VrpSolution = z.infer<typeof solutionSchema>;
