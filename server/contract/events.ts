import { createRoute, z } from '@hono/zod-openapi';
import { campaignStatuses } from '../domain/campaign.js';
import { checkInResults, clueSources, clueStatuses, replanReasons, suspectedTypes, type LiveEventKind } from '../domain/vocabulary.js';
import { checkInStatuses } from './field.js';
import { protectedRoute } from './route-config.js';

// The live events of `/api/events` (docs/events.md): one schema per kind of `liveEventKinds`, each the `payload` of an
// event envelope discriminated by `kind`. The envelope is what the stream sends as `data:`; its `id` is the outbox id a
// reconnect resumes after.

const lonLat = z.tuple([z.number(), z.number()]);
const instantText = z.string();
/** A stop as the stored plan names it. */
const stopShape = { campaignId: z.number().int(), teamId: z.string(), targetKey: z.string(), districtCode: z.string() };

export const liveEventPayloadSchemas = {
  'check_in.created': z.object({
    ...stopShape,
    checkInId: z.number().int(),
    result: z.enum(checkInResults),
    /** 待确认 until the second officer co-signs. */
    status: z.enum(checkInStatuses),
    farFromTarget: z.boolean(),
    /** The device's clock at the check-in. */
    checkedAt: instantText,
    position: lonLat.nullable(),
  }),
  'check_in.cosigned': z.object({
    ...stopShape,
    checkInId: z.number().int(),
    result: z.enum(checkInResults),
    status: z.enum(checkInStatuses),
    farFromTarget: z.boolean(),
    checkedAt: instantText,
    position: lonLat.nullable(),
    cosignedAt: instantText,
  }),
  'stop.arrived': z.object({
    ...stopShape,
    arrivalId: z.number().int(),
    arrivedAt: instantText,
    position: lonLat.nullable(),
    /** From the device to the target, metres; null without a position. */
    distanceMetres: z.number().nullable(),
  }),
  'team.replanned': z.object({
    campaignId: z.number().int(),
    districtCode: z.string(),
    /** The day whose remaining stops were re-planned (Asia/Shanghai). */
    date: z.string(),
    teamIds: z.array(z.string()),
    reason: z.enum(replanReasons),
  }),
  'campaign.status': z.object({
    campaignId: z.number().int(),
    version: z.number().int(),
    name: z.string(),
    from: z.enum(campaignStatuses),
    to: z.enum(campaignStatuses),
  }),
  'clue.created': z.object({
    clueId: z.number().int(),
    districtCode: z.string(),
    source: z.enum(clueSources),
    suspectedType: z.enum(suspectedTypes),
    status: z.enum(clueStatuses),
    reportedAt: instantText,
    dueAt: instantText.nullable(),
  }),
  'clue.status': z.object({ clueId: z.number().int(), districtCode: z.string(), from: z.enum(clueStatuses), to: z.enum(clueStatuses) }),
  'clue.overdue': z.object({
    clueId: z.number().int(),
    districtCode: z.string(),
    source: z.enum(clueSources),
    suspectedType: z.enum(suspectedTypes),
    status: z.enum(clueStatuses),
    dueAt: instantText,
  }),
  /** A step of the clue loop (docs/clues.md#api-steps): dispatch, send back, extension, pause, feedback, verification… */
  'clue.step': z.object({
    clueId: z.number().int(),
    districtCode: z.string(),
    step: z.string(),
    status: z.enum(clueStatuses),
    dueAt: instantText.nullable(),
    leadDepartment: z.string().nullable(),
  }),
  /** 临期提醒 and 督办: once per level and deadline, with who is told. */
  'clue.escalated': z.object({
    clueId: z.number().int(),
    districtCode: z.string(),
    level: z.enum(['reminder', 'overdue', 'supervised', 'district']),
    workingDaysOverdue: z.number().int(),
    notify: z.array(z.string()),
    dueAt: instantText,
    leadDepartment: z.string().nullable(),
  }),
} as const satisfies Record<LiveEventKind, z.ZodType>;

export type LiveEventPayload<K extends LiveEventKind> = z.output<(typeof liveEventPayloadSchemas)[K]>;

const envelope = <K extends LiveEventKind>(kind: K) =>
  z.object({
    /** The outbox id: the SSE `id:`, what `Last-Event-ID` resumes after. */
    id: z.number().int(),
    at: instantText,
    kind: z.literal(kind),
    /** The district it concerns; null = city-wide. */
    districtCode: z.string().nullable(),
    campaignId: z.number().int().nullable(),
    payload: liveEventPayloadSchemas[kind],
  });

export const liveEventSchema = z
  .discriminatedUnion('kind', [
    envelope('check_in.created'),
    envelope('check_in.cosigned'),
    envelope('stop.arrived'),
    envelope('team.replanned'),
    envelope('campaign.status'),
    envelope('clue.created'),
    envelope('clue.status'),
    envelope('clue.overdue'),
    envelope('clue.step'),
    envelope('clue.escalated'),
  ])
  .openapi('LiveEvent');
export type LiveEvent = z.output<typeof liveEventSchema>;

/** What a writer hands to the outbox: the kind and its payload, checked against the kind's schema. */
export type LiveEventDraft = { [K in LiveEventKind]: { kind: K; payload: LiveEventPayload<K> } }[LiveEventKind];

/** The reconnect delay the stream suggests to EventSource (`retry:`), milliseconds. */
export const LIVE_EVENTS_RETRY_MS = 3_000;

/**
 * The named event sent with each heartbeat comment. EventSource hides comments from pages, so a client that wants to
 * notice a stream gone silent (a half-open connection: no error, no data) listens for this one; `intervalMs` says
 * when the next is due.
 */
export const LIVE_EVENTS_HEARTBEAT = 'heartbeat';
export const liveEventsHeartbeatSchema = z.object({ intervalMs: z.number().int().positive() });
export type LiveEventsHeartbeat = z.output<typeof liveEventsHeartbeatSchema>;
/** The heartbeat interval a client assumes until the first heartbeat tells it (the server's default). */
export const LIVE_EVENTS_HEARTBEAT_MS = 15_000;

const eventIdText = z
  .string()
  .regex(/^\d{1,15}$/, 'must be an event id (a non-negative integer)')
  .transform(Number);

export const liveEventsQuerySchema = z.object({
  /** For clients that cannot set the header: resume after this event id (the header wins when both are sent). */
  lastEventId: eventIdText.optional().openapi({ param: { name: 'lastEventId', in: 'query' } }),
});

export const liveEventsHeadersSchema = z.object({
  'last-event-id': eventIdText.optional().openapi({ param: { name: 'last-event-id', in: 'header' } }),
});

export const liveEventsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/events',
    tags: ['events'],
    summary:
      'Server-Sent Events of committed changes in the caller’s scope (its district’s and city-wide ones): `id:` the outbox id, `event:` the kind, `data:` a LiveEvent; resumes after Last-Event-ID; every 15 s a `: heartbeat` comment and an `event: heartbeat` with `{ intervalMs }`',
    request: { query: liveEventsQuerySchema, headers: liveEventsHeadersSchema },
    responses: {
      200: { description: 'text/event-stream; each event’s data is a LiveEvent', content: { 'text/event-stream': { schema: liveEventSchema } } },
    },
  }),
);
