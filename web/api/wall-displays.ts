import type { CreateWallDisplay, CreatedWallDisplay, UpdateWallDisplay, WallDisplay } from '../../server/contract/wall-displays.js';
import { readJson } from './transport.js';
import { useResource } from './use-resource.js';

// The administrator's wall displays (大屏管理): list, create (the link is answered once), edit, revoke.

const send = (method: string, path: string, body?: unknown) =>
  fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

export const listWallDisplays = (signal?: AbortSignal) => readJson<WallDisplay[]>(fetch('/api/wall-displays', { credentials: 'same-origin', signal }));
export const createWallDisplay = (body: CreateWallDisplay) => readJson<CreatedWallDisplay>(send('POST', '/api/wall-displays', body));
export const updateWallDisplay = (id: number, body: UpdateWallDisplay) => readJson<WallDisplay>(send('PATCH', `/api/wall-displays/${id}`, body));
export const revokeWallDisplay = (id: number) => readJson<WallDisplay>(send('POST', `/api/wall-displays/${id}/revoke`));

/** The list; `revision` moves after each write, which reads it afresh. */
export const useWallDisplays = (revision: number) => useResource(`wall-displays:${revision}`, listWallDisplays);
