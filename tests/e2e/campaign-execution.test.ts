import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { shanghaiDate } from '../../server/domain/time.js';
import { logIn } from './browser.js';
import { activeCampaignOfToday, signIn } from './campaign-api.js';
import { shot, useBrowserSession } from './session.js';

// The command centre's side of a campaign day in Chromium, on the real server: the campaign board (行动看板) counts a
// check-in made on a phone without a reload (the live event stream), then the campaign closes and its after-action
// report (总结) and its public result list (一公开, no login) render on screen and for print.

const session = useBrowserSession();
const usernameOf = (certificateNo: string) => certificateNo.replace(/\D/g, '');
const figure = (name: string) => `[data-testid=board-totals] [data-figure=${name}]`;

describe('the campaign board, the after-action report and the public result list in Chromium', () => {
  test('the board updates live from a phone’s check-in; the closed campaign’s report and public list render and print', async () => {
    const base = session.server.url;
    const today = shanghaiDate(new Date());
    const { id, plan } = await activeCampaignOfToday(base, today, '310106');
    const team = plan.teams.find((t) => t.date === today && t.stops.length >= 1 && t.members.length >= 2);
    expect(team, 'a team of today with a stop').toBeDefined();
    const stop = plan.targets.find((t) => t.key === team!.stops[0].targetKey)!;
    const planned = plan.teams.reduce((n, t) => n + t.stops.length, 0);

    // The board on the command centre's screen, before anyone is out.
    const board = await session.newPage();
    await board.goto(base);
    await logIn(board, 'planner');
    await board.goto(`${base}/?page=board&campaign=${id}`);
    await board.locator(`${figure('planned')}[data-value="${planned}"]`).waitFor({ timeout: 60_000 });
    await board.locator('[data-testid=board-live][data-status=live]').waitFor({ timeout: 30_000 });
    expect(await board.locator(figure('done')).getAttribute('data-value')).toBe('0');
    // A reload would lose this mark: the count below must come without one.
    await board.evaluate(() => ((window as unknown as { boardMark: string }).boardMark = 'kept'));
    await shot(board, 'execution-01-board-before');

    // The team's phone checks in at its first stop (the API the phone page uses); the second officer co-signs.
    const lead = await signIn(base, usernameOf(team!.members.find((m) => m.lead)!.certificateNo));
    const member = await signIn(base, usernameOf(team!.members.find((m) => !m.lead)!.certificateNo));
    const position = { lon: stop.location[0], lat: stop.location[1], accuracyMetres: 10 };
    const day = await lead.send('GET', `/api/field/today?date=${today}`);
    const checks: string[] = day.body.assignments.find((a: { teamId: string }) => a.teamId === team!.id).stops[0].checks;
    const checkIn = await lead.send('POST', '/api/field/check-ins', {
      idempotencyKey: randomUUID(),
      campaignId: id,
      teamId: team!.id,
      targetKey: stop.key,
      result: 'rectify',
      findings: checks.map((item, i) => ({ item, finding: i === 0 ? 'issue' : 'ok' })),
      notes: '未公示收费标准',
      photos: [],
      position,
      checkedAt: new Date().toISOString(),
    });
    expect(checkIn.status, JSON.stringify(checkIn.body)).toBe(201);
    await board.locator(`${figure('done')}[data-value="1"]`).waitFor({ timeout: 20_000 });
    expect(await board.locator(figure('pending')).getAttribute('data-value')).toBe('1');
    const cosigned = await member.send('POST', `/api/field/check-ins/${checkIn.body.id}/cosign`, { idempotencyKey: randomUUID(), position, cosignedAt: new Date().toISOString() });
    expect(cosigned.status, JSON.stringify(cosigned.body)).toBe(200);
    await board.locator(`${figure('confirmed')}[data-value="1"]`).waitFor({ timeout: 20_000 });
    expect(await board.evaluate(() => (window as unknown as { boardMark?: string }).boardMark)).toBe('kept');
    await shot(board, 'execution-02-board-after');

    // The campaign closes; its results are published (一公开).
    const planner = await signIn(base, 'planner');
    const version = (await planner.send('GET', `/api/campaigns/${id}`)).body.version as number;
    expect((await planner.send('POST', `/api/campaigns/${id}/transitions`, { action: 'close', version })).status).toBe(200);
    const published = await planner.send('POST', `/api/campaigns/${id}/publication`, {});
    expect(published.status, JSON.stringify(published.body)).toBe(201);

    // The after-action report: the district's figures, on screen and as the print layout.
    await board.goto(`${base}/?page=report&campaign=${id}`);
    await board.getByTestId('report-kpis').waitFor({ timeout: 60_000 });
    const districts = await board.getByTestId('report-districts').innerText();
    expect(districts).toContain('静安区');
    await shot(board, 'execution-03-report');
    await board.emulateMedia({ media: 'print' });
    const pdf = await board.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await shot(board, 'execution-04-report-print');

    // The public list needs no login and names the inspected object, never an officer.
    const visitor = await session.newPage();
    await visitor.goto(`${base}/results/${id}`);
    await visitor.getByTestId('public-results-rows').waitFor({ timeout: 30_000 });
    const text = await visitor.getByTestId('public-results-rows').innerText();
    expect(text).toContain(stop.name);
    expect(text).toContain('责令整改');
    for (const officer of team!.members) expect(text).not.toContain(officer.name);
    expect(text).not.toContain('未公示收费标准');
    await shot(visitor, 'execution-05-public-results');
    await visitor.emulateMedia({ media: 'print' });
    expect((await visitor.pdf({ format: 'A4' })).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
