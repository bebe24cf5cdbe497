import { expect } from 'vitest';
import { DEMO_PASSWORD } from './browser.js';

// The browser tests' calls to the API beside the page: a signed-in client, and a campaign of today under way.

export interface Api {
  cookie: string;
  send: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;
}

export async function signIn(base: string, username: string): Promise<Api> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  expect(res.status, `login ${username}`).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const send = async (method: string, path: string, body?: unknown) => {
    const request = () =>
      fetch(`${base}${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    // A kept-alive connection the busy server closed just as it was reused: a read is asked again, a write never.
    const answer = await request().catch((error: unknown) => (method === 'GET' ? request() : Promise.reject(error instanceof Error ? error : new Error(String(error)))));
    const text = await answer.text();
    return { status: answer.status, body: text ? JSON.parse(text) : null };
  };
  return { cookie, send };
}

/** A campaign of today in one district, planned, approved by another user and under way; its plan. */
export async function activeCampaignOfToday(base: string, today: string, district = '310107') {
  const planner = await signIn(base, 'planner');
  const admin = await signIn(base, 'admin');
  const created = await planner.send('POST', '/api/campaigns', {
    name: `${today} 校外培训现场检查`,
    type: 'custom',
    startsOn: today,
    endsOn: today,
    districts: [district],
    focus: { checkItems: ['unlicensed', 'safety', 'licences'] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const { id, version } = created.body as { id: number; version: number };
  const job = await planner.send('POST', `/api/campaigns/${id}/plan/jobs`, { version, settings: { routeTimeLimit: 0.05, teamsPerDistrictShift: 1, maxStopsPerTeam: 3, seed: 'field-e2e' } });
  expect(job.status, JSON.stringify(job.body)).toBe(202);
  for (let i = 0; ; i++) {
    const state = await planner.send('GET', `/api/campaigns/${id}/plan/jobs/${job.body.id}`);
    if (state.body.status === 'done') break;
    if (state.body.status === 'failed' || i > 1200) throw new Error(`planning: ${JSON.stringify(state.body)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const [who, action] of [
    [planner, 'submit'],
    [admin, 'approve'],
    [planner, 'activate'],
  ] as const) {
    const step = await who.send('POST', `/api/campaigns/${id}/transitions`, { action, version });
    expect(step.status, `${action}: ${JSON.stringify(step.body)}`).toBe(200);
  }
  const plan = await planner.send('GET', `/api/campaigns/${id}/plan`);
  expect(plan.status).toBe(200);
  return { id, plan: plan.body as { teams: PlanTeam[]; targets: { key: string; location: [number, number]; name: string }[] } };
}

export interface PlanTeam {
  id: string;
  date: string;
  label: string;
  members: { officerId: number; name: string; certificateNo: string; lead: boolean }[];
  stops: { targetKey: string }[];
}

