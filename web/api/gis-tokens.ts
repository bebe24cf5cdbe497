import type { GisToken, IssueGisToken, IssuedGisToken } from '../../server/contract/gis-tokens.js';
import { readJson } from './transport.js';
import { useResource } from './use-resource.js';

// The administrator's GIS client tokens (GIS令牌) for the OGC API: list, issue (the secret is answered once), revoke.

const post = (path: string, body?: unknown) =>
  fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

export const listGisTokens = (signal?: AbortSignal) => readJson<GisToken[]>(fetch('/api/gis-tokens', { credentials: 'same-origin', signal }));
export const issueGisToken = (body: IssueGisToken) => readJson<IssuedGisToken>(post('/api/gis-tokens', body));
export const revokeGisToken = (id: number) => readJson<GisToken>(post(`/api/gis-tokens/${id}/revoke`));

/** The list; `revision` moves after each write, which reads it afresh. */
export const useGisTokens = (revision: number) => useResource(`gis-tokens:${revision}`, listGisTokens);
