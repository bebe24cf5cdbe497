import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditActors, AuditPage, AuditVerification } from '../../server/contract/index.js';
import { auditApiQuery, type AuditFilters } from '../state/audit.js';
import { client, withSignal } from './client.js';
import { ApiError, isAbort } from './errors.js';
import { readJson } from './transport.js';
import { useResource } from './use-resource.js';

const audit = client.api.audit;

export const auditPage = (filters: AuditFilters, cursor: string | null, signal?: AbortSignal) =>
  readJson<AuditPage>(audit.$get({ query: auditApiQuery(filters, cursor) }, withSignal(signal)));

export const auditActors = (signal?: AbortSignal) => readJson<AuditActors>(audit.actors.$get(undefined, withSignal(signal)));

export const verifyAuditChain = (signal?: AbortSignal) => readJson<AuditVerification>(audit.verify.$get(undefined, withSignal(signal)));

let visits = 0;

/**
 * One page of the audit log; `enabled` is false for an account that may not read it, which then asks nothing. Each
 * visit to the screen reads the log afresh (the log grows with every login), paging within a visit reuses its pages.
 */
export function useAuditPage(filters: AuditFilters, cursor: string | null, enabled: boolean) {
  const [visit] = useState(() => ++visits);
  const key = enabled ? `audit:${visit}:${JSON.stringify(auditApiQuery(filters, cursor))}` : null;
  return useResource(key, (signal) => auditPage(filters, cursor, signal));
}

export function useAuditActors(enabled: boolean) {
  return useResource(enabled ? 'audit-actors' : null, auditActors);
}

export type VerificationState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: AuditVerification }
  | { status: 'failed'; error: ApiError };

/** The chain check, run on demand: a new run replaces (and aborts) the one under way, leaving the page aborts it. */
export function useAuditVerification() {
  const [state, setState] = useState<VerificationState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);
  const run = useCallback(() => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ status: 'running' });
    verifyAuditChain(controller.signal).then(
      (result) => !controller.signal.aborted && setState({ status: 'done', result }),
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setState({ status: 'failed', error: error instanceof ApiError ? error : new ApiError(String(error), 0, 'network') });
      },
    );
  }, []);
  return { state, run };
}
