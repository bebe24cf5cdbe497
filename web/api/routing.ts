import type { PatrolOptions, PatrolPlanRequest, RoutingJob } from '../../server/contract/index.js';
import { useResource } from './use-resource.js';
import { readJson } from './transport.js';
import { client, withSignal } from './client.js';

const routing = client.api;

export const patrolOptions = (district: string, date: string, signal?: AbortSignal) =>
  readJson<PatrolOptions>(routing.routing['patrol-options'].$get({ query: { district, date } }, withSignal(signal)));

export const startPatrolPlan = (request: PatrolPlanRequest, signal?: AbortSignal) =>
  readJson<RoutingJob>(routing.routing['patrol-plan'].jobs.$post({ json: request }, withSignal(signal)));

export const routingJob = (id: string, signal?: AbortSignal) =>
  readJson<RoutingJob>(routing.routing.jobs[':id'].$get({ param: { id } }, withSignal(signal)));

export const cancelRoutingJob = (id: string) => readJson<RoutingJob>(routing.routing.jobs[':id'].$delete({ param: { id } }));

const POLL_MS = 250;
const finished = (job: RoutingJob) => job.status === 'done' || job.status === 'failed' || job.status === 'cancelled';

/** Polls a job until it ends, reporting every state; an aborted signal stops polling and cancels the job on the server. */
export async function followRoutingJob(job: RoutingJob, onUpdate: (job: RoutingJob) => void, signal: AbortSignal): Promise<RoutingJob> {
  let current = job;
  onUpdate(current);
  const onAbort = () => void cancelRoutingJob(job.id).catch(() => {});
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    while (!finished(current)) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      current = await routingJob(job.id, signal);
      onUpdate(current);
    }
    return current;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

export function usePatrolOptions(district: string | null, date: string) {
  return useResource(district ? `patrol-options:${district}:${date}` : null, (signal) => patrolOptions(district!, date, signal));
}
