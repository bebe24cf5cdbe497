import { describe, expect, test } from 'vitest';
import { logIn, waitForMapIdle } from './browser.js';
import { countPixels, type Region } from './pixels.js';
import { shot, useBrowserSession } from './session.js';

// Between the planner form (left) and the results (right) at 1600×900.
const MAP_REGION: Region = { x: 370, y: 80, width: 760, height: 800 };
/** Team 1's route colour (230, 159, 0), which nothing else on the planner map uses. */
const TEAM_1 = 'Math.abs(r - 230) < 30 && Math.abs(g - 159) < 30 && b < 70';

const session = useBrowserSession();


describe('patrol route planner (巡查路线规划) in Chromium', () => {
  test('a planner plans Huangpu evening patrols: progress, routes on the map, numbered stops, summary table, playback', async () => {
    const page = await session.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') console.log(`browser ${message.type()}: ${message.text()}`);
    });
    await page.goto(session.server.url);
    await logIn(page, 'planner');
    await waitForMapIdle(page);
    await page.getByTestId('open-planner').click();
    await page.getByTestId('planner').waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('planner');

    // Huangpu first (the demo road network covers its centre); another central district if its certified officers
    // cannot form a team on the date.
    let maxTeams = 0;
    for (const district of ['310101', '310106', '310107', '310104']) {
      await page.getByTestId('planner-district').selectOption(district);
      await expect.poll(() => page.getByTestId('planner-officers').getAttribute('data-max-teams'), { timeout: 30_000 }).not.toBeNull();
      await expect.poll(() => page.getByTestId('planner-targets').locator('input[type=checkbox]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      maxTeams = Number(await page.getByTestId('planner-officers').getAttribute('data-max-teams'));
      if (maxTeams > 0) break;
      expect(await page.getByTestId('planner-submit').isDisabled()).toBe(true);
    }
    expect(maxTeams).toBeGreaterThan(0);
    await page.getByTestId('planner-topn').fill('6');
    const checked = await page.getByTestId('planner-targets').locator('input:checked').count();
    expect(checked).toBe(Math.min(6, await page.getByTestId('planner-targets').locator('input').count()));
    await page.waitForTimeout(1500);
    const before = await countPixels(session.browser, page, MAP_REGION, { team1: TEAM_1 });
    await shot(page, 'planner-01-choose');

    await page.getByTestId('planner-submit').click();
    await page.getByTestId('planner-summary').waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
      await shot(page, 'planner-02-failed');
      throw new Error(`no plan: ${await page.getByTestId('planner').innerText()}\n${session.server.log().slice(-2000)}`, { cause: error });
    });
    await page.waitForTimeout(2000);
    await shot(page, 'planner-02-routes');

    const rows = page.getByTestId('planner-summary').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const firstRow = (await rows.first().innerText()).split('\t').map((cell) => cell.trim());
    expect(firstRow[0]).toContain('第1组');
    // The team column is named, not an empty 第{team}组.
    expect((await page.getByTestId('planner-summary').locator('thead th').first().innerText()).trim()).toBe('检查组');
    expect(Number(firstRow[1])).toBeGreaterThan(0);
    expect(firstRow[4]).toMatch(/^(18|19|20):\d\d$/);
    const after = await countPixels(session.browser, page, MAP_REGION, { team1: TEAM_1 });
    expect(after.team1, 'team 1 route pixels').toBeGreaterThan(before.team1 + 300);

    // Playback: the clock moves from the shift start.
    expect(await page.getByTestId('planner-clock').textContent()).toBe('18:00');
    await page.getByTestId('planner-play').click();
    await page.waitForTimeout(2500);
    const clock = (await page.getByTestId('planner-clock').textContent()) ?? '';
    expect(clock > '18:00').toBe(true);
    // Paused halfway through the first leg, the teams' white position markers (and the trail) show.
    await page.getByTestId('planner-play').click();
    const firstEta = firstRow[4];
    const minutes = (Number(firstEta.slice(0, 2)) - 18) * 60 + Number(firstEta.slice(3));
    await page.getByTestId('planner-time').fill(String(Math.max(60, Math.round((minutes * 60) / 2 / 30) * 30)));
    await page.waitForTimeout(1500);
    const trail = await countPixels(session.browser, page, MAP_REGION, { white: 'r > 235 && g > 235 && b > 235' });
    const atStart = await (async () => {
      await page.getByTestId('planner-time').fill('0');
      await page.waitForTimeout(1500);
      return countPixels(session.browser, page, MAP_REGION, { white: 'r > 235 && g > 235 && b > 235' });
    })();
    await page.getByTestId('planner-time').fill(String(Math.max(60, Math.round((minutes * 60) / 2 / 30) * 30)));
    await page.waitForTimeout(1000);
    await shot(page, 'planner-03-playback');
    expect(trail.white, 'playback marker pixels').toBeGreaterThan(atStart.white + 60);

    // English switch keeps the plan.
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('planner-summary').locator('thead').innerText()).toContain('Stops');
    await shot(page, 'planner-04-english');
    expect(errors).toEqual([]);
  }, 300_000);

  test('Huangpu with 3 teams: idle teams and targets not scheduled say why, with their numbers, in Chinese and English', async () => {
    const page = await session.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(session.server.url);
    await logIn(page, 'planner');
    await page.getByTestId('open-planner').click();
    await page.getByTestId('planner').waitFor();
    await page.getByTestId('planner-district').selectOption('310101');
    await expect.poll(() => page.getByTestId('planner-targets').locator('input[type=checkbox]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByTestId('planner-teams').fill('3');
    await page.getByTestId('planner-topn').fill('8');
    await page.getByTestId('planner-submit').click();
    await page.getByTestId('planner-summary').waitFor({ timeout: 60_000 });

    // Only one of Huangpu's teams has a fire officer: the fire-safety checks queue on it, the third team stays home.
    const idle = page.getByTestId('planner-idle-team');
    await expect.poll(() => idle.count()).toBeGreaterThan(0);
    const idleText = await idle.first().innerText();
    expect(idleText).toMatch(/第\d组/);
    expect(idleText).toContain('未出动：');
    expect(idleText).toMatch(/没有与本组人员专业相符的检查点|本组可承担的 \d+ 个检查点均已由其他组安排|班次内到达不了任何检查点/);
    const rows = page.getByTestId('planner-summary').locator('tbody tr');
    expect(await rows.count()).toBe(3);
    const reasons = page.getByTestId('planner-unassigned').locator('li');
    for (const text of await reasons.allInnerTexts()) {
      // A reason with its numbers, never the bare catch-all or a template placeholder.
      expect(text).toMatch(/\d/);
      expect(text).not.toMatch(/[{}]/);
      expect(text.trim().endsWith('班次时间不足')).toBe(false);
    }
    await shot(page, 'planner-05-reasons-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.waitForTimeout(500);
    await shot(page, 'planner-06-reasons-1366');

    await page.getByTestId('language-switch').click();
    await expect.poll(() => idle.first().innerText()).toContain('not sent out: ');
    for (const text of await reasons.allInnerTexts()) expect(text).toMatch(/teams?|stops?|shift/);
    await shot(page, 'planner-07-reasons-english');
    expect(errors).toEqual([]);
  }, 300_000);
});
