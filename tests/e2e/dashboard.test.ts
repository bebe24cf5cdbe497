import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
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
        // The tooltip may vanish between the count and the read: a short read that gives up counts as no tooltip.
        const text = (await tooltip.count()) ? await tooltip.textContent({ timeout: 500 }).catch(() => null) : null;
        if (text && /家机构|institutions/.test(text)) {
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
    // The map reads institutions from vector tiles: every feature of every tile it was sent is in the district.
    page.on('response', async (response) => {
      if (!/\/tiles\/institutions\/\d+\/\d+\/\d+\.mvt/.test(response.url()) || response.status() !== 200) return;
      const layer = new VectorTile(new Pbf(await response.body())).layers.institutions;
      institutionResponses += 1;
      for (let i = 0; i < (layer?.length ?? 0); i++) institutionDistricts.add(String(layer.feature(i).properties.districtCode));
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
    // The longest English names fit: every district name in the list and the user chip are shown whole.
    await expect.poll(() => page.getByTestId('district-item').count(), { timeout: 30_000 }).toBe(16);
    const cut = await page.locator('.district__name, [data-testid=user-chip]').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
    expect(cut).toEqual([]);
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
        log.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`);
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

/** Web Mercator as maplibre draws it (512 px tiles): a point's offset in pixels from the map's centre. */
function offsetFromCentre([lon, lat]: number[], centre: number[], zoom: number): [number, number] {
  const world = 512 * 2 ** zoom;
  const x = (l: number) => ((l + 180) / 360) * world;
  const y = (φ: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (φ * Math.PI) / 360)) / Math.PI) / 2) * world;
  return [x(lon) - x(centre[0]), y(lat) - y(centre[1])];
}

function extentOf(collection: { features: { geometry: { coordinates: unknown } }[] }): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') {
      box[0] = Math.min(box[0], value[0]);
      box[1] = Math.min(box[1], value[1] as number);
      box[2] = Math.max(box[2], value[0]);
      box[3] = Math.max(box[3], value[1] as number);
    } else if (Array.isArray(value)) value.forEach(visit);
  };
  for (const feature of collection.features) visit(feature.geometry.coordinates);
  return box;
}

describe('the desk dashboard at a laptop and a desk monitor', () => {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
  ]) {
    test(`${viewport.width}×${viewport.height}: the first view fits the whole city into the map area the panels leave, the list shows a dozen districts`, async () => {
      const page = await session.newPage();
      await page.setViewportSize(viewport);
      await page.goto(session.server.url);
      await logIn(page, 'admin');
      await waitForMapIdle(page);
      await expect.poll(() => new URL(page.url()).searchParams.get('z')).not.toBeNull();
      const params = new URL(page.url()).searchParams;
      const centre = params.get('c')!.split(',').map(Number);
      const zoom = Number(params.get('z'));
      const city = extentOf(await (await page.request.get(`${session.server.url}/api/districts`)).json());
      const [west, north] = offsetFromCentre([city[0], city[3]], centre, zoom);
      const [east, south] = offsetFromCentre([city[2], city[1]], centre, zoom);
      const at = (dx: number, dy: number) => [viewport.width / 2 + dx, viewport.height / 2 + dy];
      const [left, top] = at(west, north);
      const [right, bottom] = at(east, south);
      const sidebar = (await page.locator('.sidebar').boundingBox())!;
      const kpis = (await page.getByTestId('kpis').boundingBox())!;
      // URL rounding (5 decimals, zoom to 2) moves the drawn extent by a pixel or two.
      const slack = 4;
      expect(left, 'west edge right of the sidebar').toBeGreaterThanOrEqual(sidebar.x + sidebar.width - slack);
      expect(top, 'north edge below the KPI cards').toBeGreaterThanOrEqual(kpis.y + kpis.height - slack);
      expect(right, 'east edge inside the window').toBeLessThanOrEqual(viewport.width + slack);
      expect(bottom, 'south edge inside the window').toBeLessThanOrEqual(viewport.height + slack);
      // The city fills the free area in one direction at least (it is fitted, not merely inside).
      const freeWidth = viewport.width - (sidebar.x + sidebar.width);
      const freeHeight = viewport.height - (kpis.y + kpis.height);
      expect(Math.max((right - left) / freeWidth, (bottom - top) / freeHeight)).toBeGreaterThan(0.75);

      const list = (await page.getByTestId('district-list').boundingBox())!;
      const rows = await page.getByTestId('district-item').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().bottom));
      expect(rows.filter((rowBottom) => rowBottom <= list.y + list.height + 1).length).toBeGreaterThanOrEqual(12);
      await shot(page, `30-first-view-${viewport.width}x${viewport.height}`);
    });
  }

  test('the district list keeps every district’s count with one district chosen and with the clue layers off', async () => {
    const page = await session.newPage();
    await page.goto(session.server.url);
    await logIn(page, 'admin');
    await waitForMapIdle(page);
    const counts = async () =>
      page.getByTestId('district-item').evaluateAll((items): Record<string, number> =>
        Object.fromEntries(items.map((item) => [item.getAttribute('data-code'), Number((item.querySelector('.district__count')?.textContent ?? '').replace(/\D/g, '') || -1)])),
      );
    await expect.poll(async () => Object.values(await counts()).filter((n) => n > 0).length).toBeGreaterThan(10);
    const before = await counts();
    await page.locator('[data-testid=district-item][data-code="310107"]').click();
    await waitForMapIdle(page);
    await expect.poll(() => new URL(page.url()).searchParams.get('d')).toBe('310107');
    expect(await counts()).toEqual(before);
    await page.getByText('线索热力', { exact: true }).click();
    await page.getByText('网格线索密度', { exact: true }).click();
    await waitForMapIdle(page);
    expect(await counts()).toEqual(before);
    await shot(page, '31-district-list-counts');
  });

  test('a preset replaces an invalid date; the change figure names its base period; figures of now say so', async () => {
    const page = await session.newPage();
    await page.goto(session.server.url);
    await logIn(page, 'admin');
    await waitForMapIdle(page);
    const today = await page.getByTestId('date-to').inputValue();
    await page.getByTestId('date-from').fill('2099-01-01');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '开始日期' }).count()).toBe(1);
    await page.getByTestId('preset-90').click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '开始日期' }).count()).toBe(0);
    expect(await page.getByTestId('date-from').getAttribute('aria-invalid')).toBe('false');
    const from = await page.getByTestId('date-from').inputValue();
    expect((Date.parse(today) - Date.parse(from)) / 86_400_000).toBe(89);

    const change = page.getByTestId('kpi-change');
    await expect.poll(() => change.textContent(), { timeout: 30_000 }).toMatch(/^较前90天 [▲▼]\d+%$/);
    expect(await change.getAttribute('title')).toMatch(/基期 .+–.+（90天）/);
    for (const key of ['kpi.openClues', 'kpi.overdue', 'kpi.institutions']) {
      expect(await page.locator(`[data-kpi="${key}"] [data-testid=kpi-as-of]`).textContent()).toBe('当前');
    }
    expect(await page.locator('[data-kpi="kpi.clues"] [data-testid=kpi-as-of]').count()).toBe(0);

    // Two years back, the base period reaches before the demo records begin: no change, and the card says why.
    await page.getByTestId('preset-730').click();
    await expect.poll(() => change.textContent(), { timeout: 30_000 }).toBe('前730天记录不全，不作比较');
    expect(await change.getAttribute('title')).toMatch(/线索记录始于.+，基期 .+（730天）只记录了其中一部分/);
    await shot(page, '32-kpi-base-period');
  });
});
