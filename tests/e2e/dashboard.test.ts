import { describe, expect, test } from 'vitest';
import { logIn, waitForMapIdle } from './browser.js';
import { countPixels, PIXEL, type Region } from './pixels.js';
import { shot, useBrowserSession } from './session.js';

// The part of the map no panel covers at 1600×900: right of the sidebar, below the KPI cards, left of the legend.
const MAP_REGION: Region = { x: 330, y: 150, width: 990, height: 720 };

const session = useBrowserSession();



describe('JointOps dashboard in Chromium', () => {
  test('a wrong password shows a clear error and no dashboard', async () => {
    const page = await session.newPage();
    await page.goto(session.server.url);
    await page.getByRole('textbox', { name: '用户名' }).fill('admin');
    await page.locator('input[name=password]').fill('not-the-password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('用户名或密码错误');
    expect(await page.getByTestId('dashboard').count()).toBe(0);
    await shot(page, '01-login-error');
  });

  test('admin sees district borders and institutions on the map canvas; toggling institutions removes them', async () => {
    const page = await session.newPage();
    await page.goto(`${session.server.url}/?layers=districts,institutions`);
    await logIn(page, 'admin');
    await waitForMapIdle(page);
    await expect.poll(() => page.getByTestId('district-item').count()).toBe(16);
    await shot(page, '02-admin-districts-institutions');

    const before = await countPixels(session.browser, page, MAP_REGION, PIXEL);
    expect(before.districtBorder, 'district border pixels').toBeGreaterThan(1500);
    expect(before.institution, 'institution pixels').toBeGreaterThan(1500);
    expect(before.background, 'background pixels (the offline basemap drew)').toBeGreaterThan(10_000);

    await page.getByText('校外培训机构', { exact: true }).click();
    await expect.poll(() => page.getByTestId('toggle-institutions').isChecked()).toBe(false);
    await page.waitForTimeout(800);
    const after = await countPixels(session.browser, page, MAP_REGION, PIXEL);
    expect(after.institution).toBeLessThan(before.institution * 0.05);
    expect(after.districtBorder).toBeGreaterThan(before.districtBorder * 0.8);
    expect(new URL(page.url()).searchParams.get('layers')).toBe('districts');
    await shot(page, '03-admin-institutions-off');
  });

  test('the clue heatmap and KPI cards show data for the time range', async () => {
    const page = await session.newPage();
    await page.goto(`${session.server.url}/?layers=districts,heatmap`);
    await logIn(page, 'admin');
    await waitForMapIdle(page);
    const heat = await countPixels(session.browser, page, MAP_REGION, PIXEL);
    // deck.gl's HeatmapLayer draws faintly when interleaved (visgl/deck.gl#9682), so only the warm core is counted.
    expect(heat.heatmap, 'heatmap pixels').toBeGreaterThan(100);
    const clues = await page.locator('[data-kpi="kpi.clues"] .kpi__value').textContent();
    expect(Number(clues?.replace(/[^\d]/g, ''))).toBeGreaterThan(0);
    await page.getByTestId('toggle-heatmap').focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(800);
    const off = await countPixels(session.browser, page, MAP_REGION, PIXEL);
    expect(off.heatmap).toBeLessThan(heat.heatmap * 0.05);
  });

  test('the full view with every layer, hover tooltip and a detail panel closed by Esc', async () => {
    const page = await session.newPage();
    await page.goto(session.server.url);
    await logIn(page, 'admin');
    await waitForMapIdle(page);
    await shot(page, '04-admin-all-layers');
    // find an institution cluster under the pointer by scanning the map region
    let found = false;
    for (let y = MAP_REGION.y + 80; y < MAP_REGION.y + MAP_REGION.height && !found; y += 40) {
      for (let x = MAP_REGION.x + 80; x < MAP_REGION.x + MAP_REGION.width && !found; x += 40) {
        await page.mouse.move(x, y);
        await page.waitForTimeout(60);
        const tooltip = page.getByTestId('tooltip');
        if ((await tooltip.count()) && /家机构|institutions/.test((await tooltip.textContent()) ?? '')) {
          found = true;
          await page.mouse.click(x, y);
        }
      }
    }
    expect(found, 'a hoverable institution cluster').toBe(true);
    await page.getByTestId('detail-panel').waitFor();
    expect(await page.getByTestId('detail-panel').textContent()).toContain('机构聚合');
    await shot(page, '05-admin-cluster-detail');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('detail-panel').count()).toBe(0);
  });

  test('putuo_leader sees only 普陀区: district list, KPI scope and every institution requested', async () => {
    const page = await session.newPage();
    const institutionDistricts = new Set<string>();
    let institutionResponses = 0;
    page.on('response', async (response) => {
      if (!/\/api\/institutions\?/.test(response.url()) || !response.ok()) return;
      const body = (await response.json()) as { features: { properties: { districtCode: string } }[] };
      institutionResponses += 1;
      for (const f of body.features) institutionDistricts.add(f.properties.districtCode);
    });
    await page.goto(session.server.url);
    await logIn(page, 'putuo_leader');
    await waitForMapIdle(page);
    const items = page.getByTestId('district-item');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().getAttribute('data-code')).toBe('310107');
    expect(await items.first().textContent()).toContain('普陀区');
    expect(await page.getByTestId('user-chip').textContent()).toContain('普陀区');
    expect(institutionResponses).toBeGreaterThan(0);
    expect([...institutionDistricts]).toEqual(['310107']);
    const pixels = await countPixels(session.browser, page, MAP_REGION, PIXEL);
    expect(pixels.districtBorder).toBeGreaterThan(300);
    await shot(page, '06-putuo-leader');
  });

  test('the language switch turns the dashboard English and back, and the URL keeps it', async () => {
    const page = await session.newPage();
    await page.goto(session.server.url);
    await page.getByTestId('language-switch').click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Command map');
    await logIn(page, 'planner');
    await waitForMapIdle(page);
    expect(await page.getByTestId('toggle-institutions').locator('xpath=..').textContent()).toContain('Tutoring institutions');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await shot(page, '07-english');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('指挥图');
    expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
  });

  test('a shared URL restores centre, zoom, time range, layers, district and language', async () => {
    const page = await session.newPage();
    const shared = '/?c=121.4,31.245&z=13.2&from=2026-06-01&to=2026-08-31&layers=districts,grid,institutions&d=310107&lang=en';
    await page.goto(`${session.server.url}${shared}`);
    await logIn(page, 'admin');
    await waitForMapIdle(page);
    const params = new URL(page.url()).searchParams;
    const [lon, lat] = params.get('c')!.split(',').map(Number);
    expect(lon).toBeCloseTo(121.4, 3);
    expect(lat).toBeCloseTo(31.245, 3);
    expect(Number(params.get('z'))).toBeCloseTo(13.2, 1);
    expect(params.get('from')).toBe('2026-06-01');
    expect(params.get('to')).toBe('2026-08-31');
    expect(params.get('d')).toBe('310107');
    expect(await page.getByTestId('date-from').inputValue()).toBe('2026-06-01');
    expect(await page.getByTestId('toggle-heatmap').isChecked()).toBe(false);
    expect(await page.getByTestId('toggle-grid').isChecked()).toBe(true);
    expect(await page.locator('[data-code="310107"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Command map');
    const pixels = await countPixels(session.browser, page, MAP_REGION, { ...PIXEL, institution: 'g > 150 && g - b > 25 && r < 40' });
    expect(pixels.institution, 'licensed institution dots at zoom 13').toBeGreaterThan(100);
    await shot(page, '08-shared-url-zoomed');
  });

  test('the whole app runs under its Content-Security-Policy without a single violation', async () => {
    const page = await session.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (load|execute|connect|create|apply)/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const log = ((window as unknown as { cspViolations?: string[] }).cspViolations ??= []);
        log.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const response = await page.goto(`${session.server.url}/?layers=districts,grid,institutions,heatmap,clues`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await logIn(page, 'admin');
    await waitForMapIdle(page);
    // The live hot spot layer runs the analytics in the page: workers, WebAssembly-free math, canvas.
    await page.getByTestId('toggle-hotspots').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('hotspot-stats').waitFor({ timeout: 180_000 });
    await waitForMapIdle(page);
    const inPage = await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
    expect([...violations, ...inPage]).toEqual([]);
  });
});
