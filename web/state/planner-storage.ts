import * as z from 'zod/mini';
import type { PatrolPlan } from '../../server/contract/index.js';
import { isIsoDate } from '../../server/domain/time.js';
import { MAX_TEAMS, type PlannerState } from './planner.js';

// The planner's form and last plan kept across a reload: what is stored, and how a stored text becomes state again.
// Pure (text in, state out); the view reads and writes the browser storage. zod/mini keeps the schema small in the
// bundle: the contract's own schemas would bring the OpenAPI machinery with them.

/** Bump when the stored shape changes: an older text is then dropped, not misread. */
export const PLANNER_STORAGE_VERSION = 1;

/** One entry per account, so that another user signing in on the same tab never sees someone else's plan. */
export const plannerStorageKey = (userId: number): string => `jointops:planner:v${PLANNER_STORAGE_VERSION}:user:${userId}`;

const lonLat = z.tuple([z.number(), z.number()]);
const id = z.int();
const isoDate = z.string().check(z.refine(isIsoDate));

const formSchema = z.object({
  district: z.nullable(z.string()),
  date: isoDate,
  shift: z.enum(['weekday_evening', 'weekend_day']),
  teams: z.int().check(z.minimum(1), z.maximum(MAX_TEAMS)),
  base: z.nullable(z.string()),
  topN: z.int().check(z.minimum(0)),
  selectedInstitutions: z.array(id),
  cellTargets: z.array(
    z.object({ id, code: z.string(), streetName: z.nullable(z.string()), location: lonLat, clues: z.number(), z: z.number() }),
  ),
  selectedGridCells: z.array(id),
  origin: z.nullable(z.object({ source: z.literal('hotspots'), count: z.int(), from: isoDate, to: isoDate })),
});

/**
 * What the planner view, its layers and its summary read of a plan. Loose: the other fields are kept as they are.
 * A stored plan missing any of these (an older version, a damaged entry) is dropped rather than drawn half.
 */
const planSchema = z.looseObject({
  district: z.looseObject({ code: z.string(), name: z.string(), nameEn: z.string() }),
  date: isoDate,
  shift: z.looseObject({ kind: z.string(), start: z.string(), end: z.string() }),
  base: z.looseObject({ name: z.string(), location: lonLat }),
  teams: z.array(
    z.looseObject({
      teamId: id,
      members: z.array(z.looseObject({ name: z.string() })),
      stops: z.array(z.looseObject({ jobId: id, sequence: id, eta: z.string(), name: z.string(), location: lonLat })),
      stopCount: z.number(),
      distanceMetres: z.number(),
      workingSeconds: z.number(),
      firstEta: z.nullable(z.string()),
      lastEta: z.nullable(z.string()),
      returnEta: z.string(),
    }),
  ),
  idleTeams: z.array(z.looseObject({ teamId: id, reason: z.string(), message: z.string(), details: z.looseObject({ reachable: z.number() }) })),
  unassigned: z.array(z.looseObject({ jobId: id, name: z.string(), reason: z.string(), message: z.string() })),
  excludedOfficers: z.array(z.looseObject({ name: z.string() })),
  warnings: z.array(z.string()),
  approximate: z.boolean(),
  solution: z.looseObject({
    routes: z.array(
      z.looseObject({
        vehicle: id,
        timestamps: z.array(z.number()),
        approximate: z.boolean(),
        geometry: z.optional(z.nullable(z.union([z.string(), z.looseObject({ type: z.literal('LineString'), coordinates: z.array(lonLat) })]))),
      }),
    ),
  }),
  problem: z.record(z.string(), z.unknown()),
});

type StoredForm = z.infer<typeof formSchema>;

/** What is kept: the form and the last plan; the solve in progress and the playback are not. */
export type PersistedPlanner = StoredForm & Pick<PlannerState, 'plan'>;

/** The stored text of the kept part of a state; `withPlan: false` leaves the plan out (when storage is short of room). */
export function serialisePlanner(state: PersistedPlanner, options: { withPlan?: boolean } = {}): string {
  const form: StoredForm = {
    district: state.district,
    date: state.date,
    shift: state.shift,
    teams: state.teams,
    base: state.base,
    topN: state.topN,
    selectedInstitutions: state.selectedInstitutions,
    cellTargets: state.cellTargets,
    selectedGridCells: state.selectedGridCells,
    origin: state.origin,
  };
  return JSON.stringify({ version: PLANNER_STORAGE_VERSION, form, plan: options.withPlan === false ? null : state.plan });
}

export interface RestoredPlanner {
  state: PlannerState;
  /** What a stored text lost: `plan` — the form came back, the plan did not parse; `all` — nothing could be read. */
  dropped: 'plan' | 'all' | null;
}

export interface RestoreContext {
  /** Shanghai today: a stored patrol date before it is replaced by the fresh state's. */
  today: string;
  /** A district-scoped account plans for this district only; a stored other district is not restored. */
  fixedDistrict: string | null;
}

/**
 * The state a stored text describes, on top of `fresh` (the state a first visit starts with). Never throws: a text
 * that is not JSON, of another version or of another shape gives `fresh` and says so; a plan that does not parse, or
 * is not for the stored district, is dropped and the form kept.
 */
export function restorePlanner(text: string | null, fresh: PlannerState, context: RestoreContext): RestoredPlanner {
  if (text === null) return { state: fresh, dropped: null };
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return { state: fresh, dropped: 'all' };
  }
  const envelope = z.object({ version: z.literal(PLANNER_STORAGE_VERSION), form: formSchema, plan: z.unknown() }).safeParse(stored);
  if (!envelope.success) return { state: fresh, dropped: 'all' };
  const { form, plan } = envelope.data;
  if (context.fixedDistrict !== null && form.district !== context.fixedDistrict) return { state: fresh, dropped: null };
  // Only handed cells can be selected; a stored selection outside them is not a target the form can show.
  const offered = new Set(form.cellTargets.map((c) => c.id));
  const state: PlannerState = {
    ...fresh,
    ...form,
    date: form.date >= context.today ? form.date : fresh.date,
    selectedGridCells: form.selectedGridCells.filter((cell) => offered.has(cell)),
  };
  if (plan === null || plan === undefined) return { state, dropped: null };
  const parsed = planSchema.safeParse(plan);
  if (!parsed.success || parsed.data.district.code !== form.district) return { state, dropped: 'plan' };
  // The schema checked every field the planner reads; the rest of the plan is kept as stored.
  return { state: { ...state, plan: parsed.data as unknown as PatrolPlan }, dropped: null };
}
