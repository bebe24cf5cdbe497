import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { fillLogin } from '../../scripts/browser/dashboard-page.js';
import { shanghaiDate } from '../../server/domain/time.js';
import { testJpeg } from '../support/images.js';
import { activeCampaignOfToday, signIn } from './campaign-api.js';
import { shot, useBrowserSession } from './session.js';

// One team's day on the phone page (/field) in Chromium at 390×844, on the real server: a one-district campaign for
// today planned, approved and activated through the API; the team's leader signs in, sees the ordered stops, arrives,
// checks in with a photo, loses the network, checks in at the next stop, reloads the page offline (the service worker
// serves it), gets the network back and sees the outbox drain with one check-in per stop on the server; the other
// member co-signs on a second phone and the check-in turns 已确认, on the leader's phone too, live.

const session = useBrowserSession();
const PHONE = { width: 390, height: 844 };
const DISTRICT = '310107';

const usernameOf = (certificateNo: string) => certificateNo.replace(/\D/g, '');

async function phone(context: 'geo' | 'no-geo'): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const page = await session.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize(PHONE);
  if (context === 'geo') await page.context().grantPermissions(['geolocation'], { origin: session.server.url });
  return { page, context: page.context(), errors };
}

async function signInOnPhone(page: Page, path: string, username: string) {
  await page.goto(`${session.server.url}${path}`);
  await fillLogin(page, username);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('field-page').waitFor({ timeout: 30_000 });
}

const stopStatus = (page: Page, targetKey: string) => page.locator(`[data-testid=field-stop][data-target="${targetKey}"]`).getAttribute('data-status');

/** Fills and saves the check-in form of the stop open on the page. */
async function checkIn(page: Page, photo: Buffer, name: string) {
  await page.getByTestId('stop-check-in').click();
  await page.getByTestId('check-in-form').waitFor();
  await page.getByTestId('result-compliant').check({ force: true });
  if (await page.getByTestId('findings-all-ok').count()) await page.getByTestId('findings-all-ok').click();
  await page.getByTestId('check-in-notes').fill('门口公示齐全');
  await page.getByTestId('check-in-photos').setInputFiles({ name, mimeType: 'image/jpeg', buffer: photo });
  await page.locator('[data-testid=photo-previews] img').first().waitFor();
}

describe('the phone page (/field) in Chromium at 390×844', () => {
  test('one team’s day: stops in order, arrival, check-ins with photos online and offline, reload offline, sync, co-signature', async () => {
    const today = shanghaiDate(new Date());
    const { id: campaignId, plan } = await activeCampaignOfToday(session.server.url, today, DISTRICT);
    const team = plan.teams.find((t) => t.date === today && t.stops.length >= 2 && t.members.length >= 2);
    expect(team, 'a team of today with two stops').toBeDefined();
    const lead = team!.members.find((m) => m.lead)!;
    const member = team!.members.find((m) => !m.lead)!;
    const targets = new Map(plan.targets.map((t) => [t.key, t]));
    const [first, second] = team!.stops.map((s) => targets.get(s.targetKey)!);

    // 执法队长: signs in at /field, near the first stop.
    const { page, context, errors } = await phone('geo');
    await context.setGeolocation({ longitude: first.location[0] + 0.0002, latitude: first.location[1], accuracy: 12 });
    await signInOnPhone(page, '/field', usernameOf(lead.certificateNo));
    await page.getByTestId('field-stop').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('field-team-label').innerText()).toBe(team!.label);
    expect(await page.getByTestId('field-my-role').innerText()).toContain('执法队长');
    expect(await page.locator('[data-testid=field-member][data-lead=true]').innerText()).toContain(lead.name);
    const shown = await page.getByTestId('field-stop').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-target')));
    expect(shown).toEqual(team!.stops.map((s) => s.targetKey));
    expect(await page.getByTestId('field-stop').first().innerText()).toMatch(/^1\s/);
    expect(new Set(await page.getByTestId('field-stop-status').allInnerTexts())).toEqual(new Set(['待检查']));
    // Touch targets: every stop row and the header's buttons are at least 44 px tall; nothing wider than the screen.
    for (const box of await page.locator('[data-testid=field-stop], .phone-bar button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.querySelector('[data-testid=field-page]')!.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId('field-map').locator('canvas').first().waitFor();
    await page.waitForTimeout(1500);
    await shot(page, 'field-01-stops-390');

    // Stop 1: its card, 导航 links (Amap in GCJ-02), 到达.
    await page.getByTestId('field-stop').first().click();
    await page.getByTestId('stop-card').waitFor();
    expect(await page.getByTestId('navigate-amap').getAttribute('href')).toContain('coordinate=gaode');
    expect(await page.getByTestId('navigate-geo').getAttribute('href')).toMatch(new RegExp(`^geo:${first.location[1].toFixed(6)},${first.location[0].toFixed(6)}`));
    await expect.poll(() => page.getByTestId('stop-distance').innerText()).toMatch(/^\d+ m$/);
    await shot(page, 'field-02-stop-card-390');
    await page.getByTestId('stop-arrive').click();
    await expect.poll(() => page.getByTestId('stop-status').innerText()).toBe('已到达');

    // Check-in with a photo, online: the photo goes first, then the check-in naming it.
    const posts: string[] = [];
    page.on('request', (r) => void (r.method() === 'POST' && r.url().includes('/api/field/') && posts.push(new URL(r.url()).pathname)));
    await checkIn(page, await testJpeg(64, 48), 'stop1.jpg');
    expect(await page.getByTestId('form-distance').getAttribute('data-far')).toBe('false');
    await shot(page, 'field-03-check-in-form-390');
    await page.getByTestId('check-in-save').click();
    await page.getByTestId('stop-card').waitFor();
    await expect.poll(() => page.getByTestId('stop-status').innerText()).toBe('待确认');
    await expect.poll(() => page.getByTestId('field-page').getAttribute('data-unsynced'), { timeout: 30_000 }).toBe('0');
    expect(posts.filter((p) => p !== '/api/field/arrivals')).toEqual(['/api/field/photos', '/api/field/check-ins']);
    await page.getByTestId('stop-close').click();

    // The service worker controls the page before the network goes.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);

    // Offline at stop 2: the check-in is kept on the phone, the banner says 离线 and 未同步.
    await context.setOffline(true);
    await context.setGeolocation({ longitude: second.location[0], latitude: second.location[1] + 0.0001, accuracy: 15 });
    await page.getByTestId('offline-badge').waitFor();
    await page.locator(`[data-testid=field-stop][data-target="${second.key}"]`).click();
    await page.getByTestId('stop-card').waitFor();
    await checkIn(page, await testJpeg(80, 60, {}, { noise: true }), 'stop2.jpg');
    await page.getByTestId('check-in-save').click();
    await page.getByTestId('stop-card').waitFor();
    expect(await page.getByTestId('stop-status').innerText()).toBe('待确认');
    await page.getByTestId('stop-close').click();
    expect(await page.getByTestId('offline-badge').innerText()).toBe('离线');
    expect(await page.getByTestId('unsynced').innerText()).toMatch(/未同步 [1-9]/);
    await shot(page, 'field-04-offline-390');
    await page.getByTestId('unsynced').click();
    await page.getByTestId('pending-list').waitFor();
    expect(await page.getByTestId('pending-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')))).toEqual(['photo', 'checkIn']);
    await shot(page, 'field-05-pending-list-390');

    // Reload with the network cut: the service worker serves the page, the phone shows the tasks and the queued check-in.
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByTestId('field-page').waitFor({ timeout: 30_000 });
    await page.getByTestId('field-stop').first().waitFor({ timeout: 30_000 });
    expect(await stopStatus(page, second.key)).toBe('pending_cosign');
    expect(await stopStatus(page, first.key)).toBe('pending_cosign');
    expect(await page.getByTestId('unsynced').innerText()).toMatch(/未同步 [1-9]/);
    await page.getByTestId('map-offline').waitFor();
    await shot(page, 'field-06-reloaded-offline-390');

    // The network is back: the outbox drains, and the server holds exactly one check-in per stop.
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('field-page').getAttribute('data-unsynced'), { timeout: 60_000 }).toBe('0');
    await page.getByTestId('sync-banner').waitFor({ state: 'detached' });
    const leadApi = await signIn(session.server.url, usernameOf(lead.certificateNo));
    const stored = await leadApi.send('GET', `/api/field/check-ins?campaignId=${campaignId}&teamId=${encodeURIComponent(team!.id)}`);
    expect(stored.status).toBe(200);
    const byTarget = (stored.body as { targetKey: string; photos: unknown[]; status: string }[]).map((c) => c.targetKey).sort();
    expect(byTarget).toEqual([first.key, second.key].sort());
    expect((stored.body as { photos: unknown[] }[]).map((c) => c.photos.length)).toEqual([1, 1]);
    await shot(page, 'field-07-synced-390');

    // The recorder may not co-sign their own check-in.
    await page.locator(`[data-testid=field-stop][data-target="${first.key}"]`).click();
    await page.getByTestId('stop-await-cosign').waitFor();
    expect(await page.getByTestId('stop-cosign').count()).toBe(0);
    await page.getByTestId('stop-close').click();

    // 执法队员 on a second phone, signed in at the dashboard's address, is sent to /field; no location permission.
    const second_ = await phone('no-geo');
    await signInOnPhone(second_.page, '/', usernameOf(member.certificateNo));
    expect(new URL(second_.page.url()).pathname).toBe('/field');
    expect(await second_.page.getByTestId('field-my-role').innerText()).toContain('执法队员');
    await second_.page.getByTestId('cosign-list').waitFor({ timeout: 30_000 });
    expect(await second_.page.getByTestId('cosign-open').count()).toBe(2);
    await expect.poll(() => second_.page.getByTestId('position-notice').innerText(), { timeout: 15_000 }).toMatch(/未获定位权限|暂时无法定位/);
    await shot(second_.page, 'field-08-member-to-cosign-390');
    await second_.page.locator(`[data-testid=field-stop][data-target="${first.key}"]`).click();
    await second_.page.getByTestId('stop-cosign').click();
    await expect.poll(() => second_.page.getByTestId('stop-status').innerText()).toBe('已确认');
    await expect.poll(() => second_.page.getByTestId('field-page').getAttribute('data-unsynced'), { timeout: 30_000 }).toBe('0');
    await shot(second_.page, 'field-09-cosigned-390');

    const after = await leadApi.send('GET', `/api/field/check-ins?campaignId=${campaignId}&teamId=${encodeURIComponent(team!.id)}`);
    const firstCheckIn = (after.body as { targetKey: string; status: string; cosignedBy: { name: string } | null }[]).find((c) => c.targetKey === first.key)!;
    expect(firstCheckIn.status).toBe('confirmed');
    expect(firstCheckIn.cosignedBy?.name).toBe(member.name);
    // The leader's phone, following the live events, shows it confirmed without a reload (its own read is a minute apart).
    expect(await page.getByTestId('field-page').getAttribute('data-live')).toBe('live');
    await expect.poll(() => stopStatus(page, first.key), { timeout: 8_000 }).toBe('confirmed');
    await shot(page, 'field-10-lead-confirmed-390');
    expect(errors).toEqual([]);
    expect(second_.errors).toEqual([]);
  }, 300_000);
});
