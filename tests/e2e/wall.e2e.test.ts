import type { ItemDto, ItemSnapshot, NotificationList, WallDto } from '@okno/shared';
import { api, login } from '@okno/server/testing';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { connected, useE2e } from './browser.js';

/**
 * The node's clock runs from a fixed working morning (Wednesday 18 November 2026, 11:00 Moscow),
 * and the demo seed is received relative to it: which items cross which threshold next does not
 * depend on the hour the suite runs (at the end of a working day every sector's next change can
 * be an overdue one).
 */
const FIXED_START = Date.parse('2026-11-18T08:00:00Z');
const bootedAt = Date.now();
const e2e = useE2e({ OKNO_TEST_CLOCK: 'true' }, { clock: () => new Date(FIXED_START + (Date.now() - bootedAt)) });
let token: string;

beforeAll(async () => {
  token = await login(e2e.url, 'head');
});

type Tracked = ItemDto & { sector: NonNullable<ItemDto['sector']>; territoryId: number; deadlines: NonNullable<ItemDto['deadlines']> };

const isOpen = (i: ItemDto) => i.status !== 'answered' && i.status !== 'closed';
const ms = (iso: string) => Date.parse(iso);

/** POST /api/test/clock: the node's clock jumps and the scheduler ticks at the new time before it answers. */
async function setClock(at: number): Promise<void> {
  const res = await api(e2e.url, token, '/api/test/clock', { now: new Date(at).toISOString() });
  expect(res.status).toBe(200);
}

/** Whether the scheduler would change this item's marked state by `until`. */
function changesBy(i: ItemDto, until: number): boolean {
  const d = i.deadlines;
  if (!d || !isOpen(i)) return false;
  return (d.riskState === 'on_time' && ms(d.atRiskAt) <= until) || (d.riskState !== 'overdue' && ms(d.dueAt) < until);
}

/**
 * An on-time item whose at-risk threshold comes before anything else in its sector changes
 * state, so moving the clock just past it raises its sector's at-risk count by exactly one.
 */
function pickItem(snapshot: ItemSnapshot): Tracked {
  const now = ms(snapshot.now);
  const open = snapshot.items.filter(isOpen);
  const candidates = open
    .filter((i): i is Tracked => i.sector !== null && i.territoryId !== null && i.deadlines?.riskState === 'on_time')
    .filter((i) => ms(i.deadlines.atRiskAt) > now + 60_000 && ms(i.deadlines.dueAt) > ms(i.deadlines.atRiskAt) + 60_000)
    // A minute of margin: the test clock keeps running while the test works.
    .filter((c) => !open.some((o) => o.id !== c.id && o.sector === c.sector && changesBy(o, ms(c.deadlines.atRiskAt) + 60_000)))
    .sort((a, b) => ms(a.deadlines.dueAt) - ms(b.deadlines.dueAt));
  const target = candidates[0];
  if (!target) throw new Error('no item crosses its at-risk threshold alone in its sector');
  return target;
}

const tile = (page: Page, sector: string) => page.locator(`[data-testid="wall-tile"][data-sector="${sector}"]`);
const cell = (page: Page, sector: string, territory: number) =>
  page.locator(`[data-testid="wall-cell"][data-sector="${sector}"][data-territory="${territory}"]`);
const countOf = async (page: Page, selector: string, attribute = 'data-count') =>
  Number(await page.locator(selector).first().getAttribute(attribute));

describe("the head's wall", () => {
  it('counts an item crossing its at-risk threshold live, and notifies the head when it is escalated as overdue', async () => {
    // Let the scheduler mark whatever was already due when the node started, so that only the
    // item picked below changes on the next move.
    const start = await api<ItemSnapshot>(e2e.url, token, '/api/items');
    await setClock(ms(start.body.now));
    const snapshot = await api<ItemSnapshot>(e2e.url, token, '/api/items');
    const item = pickItem(snapshot.body);
    const { sector, territoryId } = item;
    const before = (await api<WallDto>(e2e.url, token, '/api/wall')).body;
    const tileBefore = before.tiles.find((t) => t.sector === sector)!;
    const cellBefore = before.matrix.find((c) => c.sector === sector && c.territoryId === territoryId) ?? { atRisk: 0, overdue: 0 };

    const page = await e2e.signedIn('head');
    await page.getByTestId('nav-wall').click();
    await page.getByTestId('wall').waitFor();
    await connected(page);
    expect(await page.getByTestId('wall-scope').getAttribute('data-scope')).toBe('all');
    await tile(page, sector).waitFor();
    await expect.poll(() => countOf(page, `[data-testid="wall-tile"][data-sector="${sector}"] [data-testid="wall-tile-atrisk"]`)).toBe(
      tileBefore.atRisk,
    );
    expect(await cell(page, sector, territoryId).getAttribute('data-atrisk')).toBe(String(cellBefore.atRisk));
    // A mark on the window survives only if the page is never reloaded.
    await page.evaluate('window.oknoNoReload = true');
    const unread = await countOf(page, '[data-testid="notification-count"]');

    // The clock passes the item's at-risk threshold: the scheduler marks it, the event reaches
    // the page and the wall refetches its counts.
    await setClock(ms(item.deadlines.atRiskAt) + 1000);
    const atRiskSelector = `[data-testid="wall-tile"][data-sector="${sector}"] [data-testid="wall-tile-atrisk"]`;
    await expect.poll(() => countOf(page, atRiskSelector), { timeout: 10_000 }).toBe(tileBefore.atRisk + 1);
    await expect.poll(() => cell(page, sector, territoryId).getAttribute('data-atrisk'), { timeout: 10_000 }).toBe(String(cellBefore.atRisk + 1));
    expect(await page.evaluate('window.oknoNoReload')).toBe(true);

    // Past its due time the scheduler escalates it to the head: the bell counts it live.
    await setClock(ms(item.deadlines.dueAt) + 1000);
    const notice = page.locator(`[data-testid="notification-item"][data-item-id="${item.id}"]`);
    await expect.poll(() => notice.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => countOf(page, '[data-testid="notification-count"]'), { timeout: 15_000 }).toBeGreaterThan(unread);
    const listed = (await api<NotificationList>(e2e.url, token, '/api/notifications')).body;
    expect(listed.notifications.some((n) => n.itemId === item.id && n.kind === 'escalated')).toBe(true);
    // And the wall settles on the server's counts for the sector.
    const after = (await api<WallDto>(e2e.url, token, '/api/wall')).body.tiles.find((t) => t.sector === sector)!;
    const overdueSelector = `[data-testid="wall-tile"][data-sector="${sector}"] [data-testid="wall-tile-overdue"]`;
    await expect.poll(() => countOf(page, overdueSelector), { timeout: 10_000 }).toBe(after.overdue);
    expect(await page.evaluate('window.oknoNoReload')).toBe(true);

    // The notification leads to the item: overdue, escalated automatically to the head.
    await page.getByTestId('notification-bell').click();
    await notice.first().locator('button').first().click();
    const panel = page.getByTestId('item-panel');
    await expect.poll(() => panel.getAttribute('data-item-id')).toBe(String(item.id));
    await expect.poll(() => panel.getByTestId('item-risk').getAttribute('data-risk')).toBe('overdue');
    expect(await panel.getByTestId('item-escalation').getAttribute('data-level')).toBe('head');
    await expect.poll(() => panel.locator('[data-testid="escalation-step"][data-auto="true"]').count()).toBeGreaterThan(0);
    await expect.poll(() => panel.getByTestId('deescalate-button').count()).toBe(1);
    await page.context().close();
  }, 120_000);

  it('opens the queue filtered by a tile count, and shows the projector mode with its connection badge', async () => {
    const wall = (await api<WallDto>(e2e.url, token, '/api/wall')).body;
    const busy = wall.tiles.find((t) => t.sector !== null && t.overdue > 0)!;
    const page = await e2e.signedIn('head');
    await page.goto(`${e2e.url}/wall`);
    await page
      .locator(`[data-testid="wall-tile"][data-sector="${busy.sector}"] [data-testid="wall-tile-overdue"]`)
      .click();
    await page.getByTestId('queue-table').waitFor();
    expect(new URL(page.url()).search).toBe(`?sector=${busy.sector}&risk=overdue`);
    await expect.poll(() => page.getByTestId('filter-risk').inputValue()).toBe('overdue');
    const risks = await page.locator('[data-testid="queue-row"] [data-testid="item-risk"]').evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-risk')),
    );
    expect(risks.length).toBeGreaterThan(0);
    expect(new Set(risks)).toEqual(new Set(['overdue']));

    await page.goto(`${e2e.url}/wall?projector=1`);
    await page.locator('[data-testid="wall"].projector').waitFor();
    expect(await page.locator('header.topbar').count()).toBe(0);
    await connected(page);
    await page.context().close();
  }, 60_000);
});
